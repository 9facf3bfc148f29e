package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.central.intake.internal.StoreFixtures.SITE;
import static org.openrom.central.intake.internal.StoreFixtures.batch;
import static org.openrom.central.intake.internal.StoreFixtures.bodies;
import static org.openrom.central.intake.internal.StoreFixtures.certificate;
import static org.openrom.central.intake.internal.StoreFixtures.openAtOnce;
import static org.openrom.central.intake.internal.StoreFixtures.rows;
import static org.openrom.central.intake.internal.StoreFixtures.site;
import static org.openrom.central.intake.internal.StoreFixtures.writer;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.central.intake.internal.CollatorStore.Site;
import org.openrom.central.intake.internal.CollatorStore.StoredBatch;

/**
 * The collator's store at the JDBC level, on SQLite; {@link PostgresStoreTest} runs every test again on a real
 * PostgreSQL server. Each test opens a new, empty database. The safeguards (one transaction, unique indexes, the
 * advisory lock or the retried switch to WAL) each have a control run with the safeguard off that must fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollatorStoreTest {
    private Path dir;
    private int databases;

    @BeforeAll
    void folder(@TempDir Path dir) {
        this.dir = dir;
    }

    /** A new, empty database. */
    String newDatabase() throws Exception {
        return "jdbc:sqlite:" + dir.resolve("store-" + (++databases) + ".db");
    }

    @Test
    void migrationsCreateTheSchemaOnAnEmptyDatabaseOnceAndANewerSchemaIsRefused() throws Exception {
        String url = newDatabase();
        CollatorStore.open(url).close();
        CollatorStore.open(url).close();
        assertThat(rows(url, "SELECT count(*) FROM schema_version")).isEqualTo(Database.SCRIPTS.size());
        assertThat(rows(url, "SELECT max(version) FROM schema_version")).isEqualTo(Database.SCRIPTS.size());
        for (String table : List.of("site", "batch", "record", "batch_event")) {
            assertThat(rows(url, "SELECT count(*) FROM " + table)).as(table).isZero();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, name, applied) VALUES (99, 'V099__future.sql', 'now')");
        }
        assertThatThrownBy(() -> CollatorStore.open(url)).isInstanceOf(SQLException.class)
                .hasMessageContaining("schema version 99, newer than this software knows");
    }

    /** Fresh databases opened by four at once in {@link #processesOpeningANewDatabaseAtOnceMigrateItOnce}. */
    int concurrentOpenRounds() {
        // On SQLite about one round in 70 met the immediate SQLITE_BUSY before the switch to WAL was retried.
        return 150;
    }

    @Test
    void processesOpeningANewDatabaseAtOnceMigrateItOnce() throws Exception {
        for (int round = 0; round < concurrentOpenRounds(); round++) {
            String url = newDatabase();
            assertThat(openAtOnce(url, true)).as("opens that failed in round " + round).isEmpty();
            assertThat(rows(url, "SELECT count(*) FROM schema_version")).isEqualTo(Database.SCRIPTS.size());
        }
    }

    @Test
    void controlWithoutTheSafeguardProcessesOpeningANewDatabaseAtOnceFail() throws Exception {
        // A race: fresh databases until one shows it (SQLite: within 70 rounds in trials, up to 2,000 allowed).
        List<Throwable> failed = List.of();
        for (int round = 0; round < 2_000 && failed.isEmpty(); round++) {
            failed = openAtOnce(newDatabase(), false);
        }
        assertThat(failed).as("without retrying, the switch to WAL must meet SQLITE_BUSY").isNotEmpty();
        assertThat(failed.get(0)).isInstanceOf(org.sqlite.SQLiteException.class).hasMessageContaining("SQLITE_BUSY");
    }

    @Test
    void aVersion1DatabaseIsUpgradedKeepingItsEventsAndThenTakesAKindOver16Characters() throws Exception {
        String url = newDatabase();
        String id = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                java.io.InputStream v1 = Database.class.getResourceAsStream("/org/openrom/central/intake/migrations/V001__collator.sql")) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR(64) NOT NULL, applied VARCHAR(32) NOT NULL)");
            for (String statement : Database.statements(new String(v1.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                s.execute(statement);
            }
            s.executeUpdate("INSERT INTO schema_version (version, name, applied) VALUES (1, 'V001__collator.sql', 'then')");
            s.executeUpdate("INSERT INTO batch_event (site_id, batch_id, kind, detail, at) VALUES ('" + SITE + "', '" + id
                    + "', 'SEQUENCE_GAP', 'expected sequence 2, got 3', '2026-07-01T02:00:00Z')");
        }
        try (CollatorStore store = CollatorStore.open(url)) {
            assertThat(store.events()).extracting(CollatorStore.Event::kind).containsExactly("SEQUENCE_GAP");
            store.event(SITE, id, "SEQUENCE_REGRESSION", "sequence 1 arrived after 3", Instant.parse("2026-07-02T02:00:00Z"));
            assertThat(store.events()).extracting(CollatorStore.Event::kind).containsExactly("SEQUENCE_GAP", "SEQUENCE_REGRESSION");
        }
        assertThat(rows(url, "SELECT max(version) FROM schema_version")).isEqualTo(Database.SCRIPTS.size());
    }

    @Test
    void aBatchIsStoredWithItsRecordsAndItsReceiptInOneTransaction() throws Exception {
        String url = newDatabase();
        String id = UUID.randomUUID().toString();
        try (CollatorStore store = CollatorStore.open(url)) {
            // 1,200 records: the inserts go to the database in JDBC batches of 500 and one of 200.
            assertThat(store.storeBatch(SITE, id, 1, true, writer(id, 1, 1200, "é ✓ 𝄞", null))).isEmpty();
            assertThat(store.count("record", SITE, id)).isEqualTo(1200);
            assertThat(store.count("batch", SITE, id)).isEqualTo(1);
            StoredBatch stored = store.batch(SITE, id).orElseThrow();
            assertThat(stored.receipt()).isEqualTo(batch(id, 1, 1200, "q").receipt());
            assertThat(stored.bodySha256()).isEqualTo(batch(id, 1, 1200, "q").bodySha256());
            assertThat(stored.sequence()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "SELECT body, patient, batch_id FROM record WHERE site_id = ? AND resource_type = 'Observation' AND resource_id = 'obs-7'")) {
            s.setString(1, SITE);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("é ✓ 𝄞");
                assertThat(rs.getString(2)).isEqualTo("p".repeat(64));
                assertThat(rs.getString(3)).isEqualTo(id);
            }
        }
    }

    @Test
    void theSameBatchIdTwiceIsStoredOnceAndAnsweredFromTheStoredRow() throws Exception {
        String id = UUID.randomUUID().toString();
        try (CollatorStore store = CollatorStore.open(newDatabase())) {
            assertThat(store.storeBatch(SITE, id, 1, true, writer(id, 1, 10, "first", null))).isEmpty();
            AtomicBoolean called = new AtomicBoolean();
            Optional<StoredBatch> again = store.storeBatch(SITE, id, 1, true, (sink, max) -> {
                called.set(true);
                return batch(id, 1, 0, "2026-27-Q1");
            });
            assertThat(called).as("the look-up answers before anything is written").isFalse();
            byte[] receipt = store.batch(SITE, id).orElseThrow().receipt();
            assertThat(again).hasValueSatisfying(b -> assertThat(b.receipt()).isEqualTo(receipt));
            // Without the look-up the unique index refuses the second batch row; its records roll back with it.
            Optional<StoredBatch> raced = store.storeBatch(SITE, id, 1, false, writer(id, 1, 20, "second", null));
            assertThat(raced).as("the unique violation is answered from the stored batch").isPresent();
            assertThat(store.count("batch", SITE, id)).isEqualTo(1);
            assertThat(store.count("record", SITE, id)).isEqualTo(10);
        }
    }

    @Test
    void controlWithoutTheUniqueIndexesTheSameBatchIdIsStoredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        try (CollatorStore store = new CollatorStore(new Database(newDatabase()), false)) {
            store.storeBatch(SITE, id, 1, false, writer(id, 1, 10, "first", null));
            store.storeBatch(SITE, id, 1, false, writer(id, 1, 10, "first", null));
            assertThat(store.count("batch", SITE, id)).as("the control must store duplicates").isEqualTo(2);
            assertThat(store.count("record", SITE, id)).isEqualTo(20);
        }
    }

    @Test
    void concurrentStoresOfOneBatchIdStoreItOnce() throws Exception {
        assertThat(race(true)).isEqualTo(1);
    }

    @Test
    void controlConcurrentStoresWithoutLookUpOrUniqueIndexesStoreDuplicates() throws Exception {
        assertThat(race(false)).as("the control must store duplicates").isGreaterThan(1);
    }

    /** Eight threads store the same batch at once; returns the batch rows. */
    private long race(boolean safeguards) throws Exception {
        String id = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CollatorStore store = new CollatorStore(new Database(newDatabase()), safeguards)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Optional<StoredBatch>>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> {
                    go.await();
                    return store.storeBatch(SITE, id, 1, safeguards, writer(id, 1, 50, "same", null));
                });
            }
            List<Future<Optional<StoredBatch>>> results = new ArrayList<>();
            for (Callable<Optional<StoredBatch>> t : tasks) {
                results.add(pool.submit(t));
            }
            go.countDown();
            int stored = 0;
            for (Future<Optional<StoredBatch>> f : results) {
                stored += f.get().isEmpty() ? 1 : 0;
            }
            if (safeguards) {
                assertThat(stored).as("stored now (the others answered from the stored batch)").isEqualTo(1);
                assertThat(store.count("record", SITE, id)).isEqualTo(50);
            }
            return store.count("batch", SITE, id);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailurePartWayThroughABatchLeavesNothingWritten() throws Exception {
        String url = newDatabase();
        String failed = UUID.randomUUID().toString();
        String badRow = UUID.randomUUID().toString();
        try (CollatorStore store = CollatorStore.open(url)) {
            IntakeException counts = new IntakeException(ErrorCode.COUNTS_MISMATCH, "payload holds 1200, the manifest says 1201");
            assertThatThrownBy(() -> store.storeBatch(SITE, failed, 1, true, writer(failed, 1, 1200, "x", counts))).isSameAs(counts);
            // The records are written, then the batch row fails (quarter NOT NULL): the records roll back with it.
            assertThatThrownBy(() -> store.storeBatch(SITE, badRow, 1, true, writer(badRow, 1, 1200, "x", new SQLException())))
                    .isInstanceOf(SQLException.class);
            for (String id : List.of(failed, badRow)) {
                assertThat(store.count("record", SITE, id)).isZero();
                assertThat(store.count("batch", SITE, id)).isZero();
            }
            assertThat(store.events()).isEmpty();
        }
        assertThat(rows(url, "SELECT count(*) FROM record")).isZero();
    }

    @Test
    void controlWithoutTheTransactionAFailurePartWayLeavesRecordsBehind() throws Exception {
        String id = UUID.randomUUID().toString();
        IntakeException counts = new IntakeException(ErrorCode.COUNTS_MISMATCH, "payload holds 1200, the manifest says 1201");
        try (CollatorStore store = new CollatorStore(new Database(newDatabase(), false), true)) {
            assertThatThrownBy(() -> store.storeBatch(SITE, id, 1, true, writer(id, 1, 1200, "x", counts))).isSameAs(counts);
            assertThat(store.count("record", SITE, id)).as("without the transaction the written records must stay").isPositive();
            assertThat(store.count("batch", SITE, id)).isZero();
        }
    }

    @Test
    void aLaterSequenceReplacesARecordAnOlderOneArrivingLateDoesNotAndBothAreRecordedAsEvents() throws Exception {
        String url = newDatabase();
        String first = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (CollatorStore store = CollatorStore.open(url)) {
            store.storeBatch(SITE, first, 1, true, writer(first, 1, 3, "v1", null));
            store.storeBatch(SITE, third, 3, true, writer(third, 3, 2, "v3", null));
            store.storeBatch(SITE, second, 2, true, writer(second, 2, 3, "v2", null));
            assertThat(store.events()).extracting(CollatorStore.Event::kind, CollatorStore.Event::batchId).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("SEQUENCE_GAP", third),
                    org.assertj.core.groups.Tuple.tuple("SEQUENCE_REGRESSION", second));
            assertThat(store.events()).anyMatch(e -> e.detail().equals("expected sequence 2, got 3 (batches 2–2 not received yet)"));
            assertThat(store.sites().batchCounts(List.of(site(SITE, "x")))).singleElement()
                    .satisfies(c -> assertThat(c).containsExactly(3, 3));
        }
        // obs-0 and obs-1: sequence 3 replaced 1, and 2 arriving late did not replace 3; obs-2: 2 replaced 1.
        assertThat(bodies(url)).containsExactly("obs-0 3 v3", "obs-1 3 v3", "obs-2 2 v2");
        assertThat(rows(url, "SELECT count(*) FROM record")).isEqualTo(3);
    }

    @Test
    void eventsKeepTheirKindAndAtMost400CharactersOfDetail() throws Exception {
        try (CollatorStore store = CollatorStore.open(newDatabase())) {
            String id = UUID.randomUUID().toString();
            store.event(SITE, id, "CONFLICT", "é".repeat(500), Instant.parse("2026-07-01T02:00:03Z"));
            assertThat(store.events()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("CONFLICT");
                assertThat(e.detail()).isEqualTo("é".repeat(400));
                assertThat(e.at()).isEqualTo("2026-07-01T02:00:03Z");
            });
        }
    }

    @Test
    void sitesAreRegisteredRevokedAndRegisteredAgainWithANewCertificate() throws Exception {
        X509Certificate first = certificate(SITE);
        X509Certificate second = certificate(SITE);
        Instant t0 = Instant.parse("2026-07-01T02:00:00Z");
        try (CollatorStore store = CollatorStore.open(newDatabase())) {
            SiteRegistry sites = store.sites();
            sites.register(SITE, first, t0);
            sites.register("RXB02", certificate("RXB02"), t0);
            assertThat(sites.find(SITE)).hasValueSatisfying(s -> {
                assertThat(s.active()).isTrue();
                assertThat(s.certSha256()).isEqualTo(Certificates.sha256(first));
                assertThat(s.certSerial()).isEqualTo(first.getSerialNumber().toString(16));
                assertThat(s.revoked()).isNull();
            });
            assertThat(sites.revoke(SITE, t0.plusSeconds(60))).isTrue();
            assertThat(sites.revoke("RXZ99", t0)).as("not registered").isFalse();
            assertThat(sites.find(SITE)).hasValueSatisfying(s -> {
                assertThat(s.status()).isEqualTo("REVOKED");
                assertThat(s.revoked()).isEqualTo("2026-07-01T02:01:00Z");
            });
            sites.register(SITE, second, t0.plusSeconds(120));
            assertThat(sites.find(SITE)).hasValueSatisfying(s -> {
                assertThat(s.active()).isTrue();
                assertThat(s.certSha256()).isEqualTo(Certificates.sha256(second));
                assertThat(s.revoked()).isNull();
            });
            assertThat(sites.list()).extracting(Site::id).containsExactly(SITE, "RXB02");
            assertThat(sites.find("RXZ99")).isEmpty();
        }
    }
}
