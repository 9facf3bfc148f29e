package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openrom.store.internal.TestResponses.response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;
import org.openrom.store.StoreOpenException;

/**
 * G2 for schema changes: a migration killed with SIGKILL half way leaves the previous version intact. Once with
 * a probe migration that spills 20 MB of uncommitted work to the WAL, once with the shipped V002 (the case
 * tables). Each control run applies the same migration without its transaction and must leave a partial state.
 */
class MigrationKillTest {

    private static final int RESPONSES = 20;
    private static final int SHIPPED = Migrator.SCRIPTS.size();

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("openrom.db");
    }

    @Test
    void aMigrationKilledHalfWayLeavesThePreviousVersionIntact() throws Exception {
        seed(SHIPPED);
        killChildInMigration(Migrator.Mode.ATOMIC, KillProbeMigration.VERSION, KillProbeMigration.STOP_AFTER);

        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(SHIPPED);
            assertThat(raw.tableExists("kill_probe")).isFalse();
            assertThat(raw.column("SELECT name FROM pragma_table_info('response')")).doesNotContain("kill_probe_note");
            assertThat(raw.count("SELECT count(*) FROM response")).isEqualTo(RESPONSES);
            assertThat(raw.single("PRAGMA integrity_check")).isEqualTo("ok");
        }
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThat(store.status().ok()).isTrue();
            assertThat(store.responses("patient-1", null)).hasSize(RESPONSES);
        }
        // and the interrupted migration applies cleanly on the next start
        new SqliteResponseStore(db(), Clock.systemUTC(), new Migrator(KillProbeMigration.shippedAndProbe(),
                Migrator.Mode.ATOMIC, (m, i) -> {})).close();
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(KillProbeMigration.VERSION);
            assertThat(raw.count("SELECT count(*) FROM kill_probe")).isEqualTo(KillProbeMigration.ROWS);
        }
    }

    @Test
    void controlAMigrationWithoutItsTransactionKilledHalfWayLeavesAPartialState() throws Exception {
        seed(SHIPPED);
        killChildInMigration(Migrator.Mode.AUTOCOMMIT_UNSAFE, KillProbeMigration.VERSION, KillProbeMigration.STOP_AFTER);

        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(SHIPPED);
            assertThat(raw.tableExists("kill_probe")).as("half-applied table").isTrue();
            assertThat(raw.count("SELECT count(*) FROM kill_probe")).isEqualTo(KillProbeMigration.ROWS);
            assertThat(raw.count("SELECT count(*) FROM response WHERE kill_probe_note = 'migrated'")).isEqualTo(RESPONSES);
        }
        StoreOpenException e = catchThrowableOfType(StoreOpenException.class, () -> new SqliteResponseStore(db(),
                Clock.systemUTC(), new Migrator(KillProbeMigration.shippedAndProbe(), Migrator.Mode.ATOMIC,
                        (m, i) -> {})).close());
        assertThat(e).as("the half-applied migration cannot be re-run").isNotNull()
                .hasMessageContaining("table kill_probe already exists");
    }

    @Test
    void theCaseTablesMigrationKilledHalfWayLeavesVersionOneIntact() throws Exception {
        seed(1);
        killChildInMigration(Migrator.Mode.ATOMIC, 2, 0); // after CREATE TABLE patient

        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(1);
            assertThat(raw.tableExists("patient")).isFalse();
            assertThat(raw.tableExists("episode")).isFalse();
            assertThat(raw.count("SELECT count(*) FROM response")).isEqualTo(RESPONSES);
            assertThat(raw.single("PRAGMA integrity_check")).isEqualTo("ok");
        }
        // the next start applies V002 (and what follows) cleanly and keeps every response
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThat(store.status().ok()).isTrue();
            assertThat(store.status().schemaVersion()).isEqualTo(SHIPPED);
            assertThat(store.responses("patient-1", null)).hasSize(RESPONSES);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.tableExists("patient")).isTrue();
            assertThat(raw.tableExists("episode")).isTrue();
        }
    }

    @Test
    void controlTheCaseTablesMigrationWithoutItsTransactionKilledHalfWayLeavesAPartialState() throws Exception {
        seed(1);
        killChildInMigration(Migrator.Mode.AUTOCOMMIT_UNSAFE, 2, 0);

        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(1);
            assertThat(raw.tableExists("patient")).as("half-applied table").isTrue();
            assertThat(raw.tableExists("episode")).isFalse();
        }
        StoreOpenException e = catchThrowableOfType(StoreOpenException.class, () -> SqliteStores.open(db()).close());
        assertThat(e).as("the half-applied migration cannot be re-run").isNotNull()
                .hasMessageContaining("table patient already exists");
    }

    /** A file at schema {@code version} holding {@link #RESPONSES} responses. */
    private void seed(int version) throws Exception {
        Migrator migrator = new Migrator(KillProbeMigration.shippedUpTo(version), Migrator.Mode.ATOMIC, (m, i) -> {});
        try (CloseableResponseStore store = new SqliteResponseStore(db(), Clock.systemUTC(), migrator)) {
            for (int i = 0; i < RESPONSES; i++) {
                store.save(response("qr-" + i));
            }
        }
    }

    private void killChildInMigration(Migrator.Mode mode, int version, int index) throws Exception {
        try (ChildJvm child = ChildJvm.start(MigrationKillChild.class, dir, "migration-" + mode + "-v" + version,
                db().toString(), mode.name(), String.valueOf(version), String.valueOf(index))) {
            child.awaitLine(KillProbeMigration.SIGNAL, 60);
            if (mode == Migrator.Mode.ATOMIC && version == KillProbeMigration.VERSION) {
                // The uncommitted 20 MB did reach the disk: the kill leaves real frames in the WAL to discard.
                assertThat(Files.size(dir.resolve("openrom.db-wal"))).isGreaterThan(1_000_000);
            }
            List<String> output = child.killAndCollect();
            assertThat(output).containsExactly(KillProbeMigration.SIGNAL);
        }
    }
}
