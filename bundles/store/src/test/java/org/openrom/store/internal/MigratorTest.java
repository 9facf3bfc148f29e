package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openrom.store.internal.TestResponses.response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.store.SqliteStores;
import org.openrom.store.StoreOpenException;
import org.openrom.store.StoreOpenException.Reason;

class MigratorTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("openrom.db");
    }

    @Test
    void listsEveryShippedScriptInVersionOrder() throws Exception {
        Path folder = Path.of("target/classes/org/openrom/store/migrations");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(Migrator.SCRIPTS);
        }
        assertThat(Migrator.bundled().latestVersion()).isEqualTo(Migrator.SCRIPTS.size());
    }

    @Test
    void createsTheShippedSchema() throws Exception {
        SqliteStores.open(db()).close();
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(4);
            assertThat(raw.count("PRAGMA application_id")).isEqualTo(Migrator.APPLICATION_ID);
            assertThat(raw.count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'response_by_episode'"))
                    .isEqualTo(1);
            assertThat(raw.column("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"))
                    .containsExactly("audit", "episode", "outbox", "patient", "response");
            assertThat(raw.column("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 0"
                    + " AND name NOT LIKE 'sqlite%'")).as("tables that are not STRICT").isEmpty();
            assertThat(raw.column("SELECT name FROM pragma_table_info('response') ORDER BY cid")).containsExactly(
                    "response_id", "patient_id", "episode_id", "measure_id", "authored", "fhir_json", "scores_json",
                    "stored_at");
            assertThat(raw.column("SELECT name FROM pragma_table_info('outbox') ORDER BY cid"))
                    .containsExactly("seq", "response_id", "created_at", "state", "batch_id");
            assertThat(raw.column("SELECT name FROM pragma_table_info('patient') ORDER BY cid")).containsExactly(
                    "patient_id", "nhs_number", "given_name", "family_name", "birth_date", "gender", "postcode",
                    "ethnicity", "updated_at");
            assertThat(raw.column("SELECT name FROM pragma_table_info('episode') ORDER BY cid")).containsExactly(
                    "episode_id", "patient_id", "service", "referral_date", "closed_date", "updated_at");
            assertThat(raw.column("SELECT \"table\" || '.' || \"from\" || '->' || \"to\" FROM pragma_foreign_key_list('episode')"))
                    .containsExactly("patient.patient_id->patient_id");
            assertThat(raw.column("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite%' ORDER BY name"))
                    .containsExactly("audit_by_object", "episode_by_patient", "episode_by_updated", "outbox_by_batch",
                            "outbox_by_state",
                            "patient_by_updated", "response_by_episode", "response_by_measure", "response_by_patient",
                            "response_by_patient_measure");
            assertThat(raw.column("EXPLAIN QUERY PLAN SELECT * FROM response WHERE patient_id = 'p' AND measure_id = 'm'"
                    + " ORDER BY authored, rowid")).noneMatch(step -> step.contains("TEMP B-TREE"));
        }
    }

    @Test
    void upgradesAVersionOneFileKeepingItsResponses() throws Exception {
        Migrator v1 = new Migrator(KillProbeMigration.shippedUpTo(1), Migrator.Mode.ATOMIC, (m, i) -> {});
        try (var store = new SqliteResponseStore(db(), Clock.systemUTC(), v1)) {
            store.save(response("qr-old"));
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(1);
            assertThat(raw.tableExists("patient")).isFalse();
        }
        try (var store = SqliteStores.open(db())) {
            assertThat(store.status().schemaVersion()).isEqualTo(Migrator.SCRIPTS.size());
            assertThat(store.find("qr-old")).isPresent();
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.tableExists("patient")).isTrue();
            assertThat(raw.tableExists("episode")).isTrue();
            assertThat(raw.single("PRAGMA integrity_check")).isEqualTo("ok");
        }
    }

    @Test
    void reopeningAnExistingDatabaseAppliesNothing() throws Exception {
        SqliteStores.open(db()).close();
        String schemaBefore;
        try (RawDb raw = RawDb.open(db())) {
            schemaBefore = String.join("\n", raw.column("SELECT sql FROM sqlite_schema ORDER BY name"));
        }
        AtomicInteger statements = new AtomicInteger();
        Migrator counting = new Migrator(KillProbeMigration.shipped(), Migrator.Mode.ATOMIC,
                (m, i) -> statements.incrementAndGet());
        new SqliteResponseStore(db(), Clock.systemUTC(), counting).close();

        assertThat(statements).hasValue(0);
        try (RawDb raw = RawDb.open(db())) {
            assertThat(String.join("\n", raw.column("SELECT sql FROM sqlite_schema ORDER BY name"))).isEqualTo(schemaBefore);
        }
        // Control: on a new file the same counting migrator does run every shipped statement.
        new SqliteResponseStore(dir.resolve("fresh.db"), Clock.systemUTC(), counting).close();
        assertThat(statements.get()).isEqualTo(KillProbeMigration.shipped().stream()
                .mapToInt(m -> m.statements().size()).sum());
    }

    @Test
    void aFailingMigrationLeavesThePreviousVersionWithoutATrace() throws Exception {
        seedShippedVersion();
        StoreOpenException e = catchThrowableOfType(StoreOpenException.class,
                () -> new SqliteResponseStore(db(), Clock.systemUTC(), failingNext(Migrator.Mode.ATOMIC)).close());

        assertThat(e.reason()).isEqualTo(Reason.MIGRATION_FAILED);
        assertThat(e).hasMessageStartingWith("ST-1004: cannot upgrade " + db() + " to schema version 5 (V005__broken.sql): ")
                .hasMessageContaining("no such table: missing_table")
                .hasMessageEndingWith("it is still at version 4");
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(4);
            assertThat(raw.tableExists("broken_probe")).isFalse();
            assertThat(raw.count("SELECT count(*) FROM response")).isEqualTo(3);
        }
    }

    @Test
    void controlAFailingMigrationWithoutItsTransactionLeavesHalfAnUpgrade() throws Exception {
        seedShippedVersion();
        StoreOpenException e = catchThrowableOfType(StoreOpenException.class,
                () -> new SqliteResponseStore(db(), Clock.systemUTC(), failingNext(Migrator.Mode.AUTOCOMMIT_UNSAFE)).close());

        assertThat(e.reason()).isEqualTo(Reason.MIGRATION_FAILED);
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(4);
            assertThat(raw.tableExists("broken_probe")).as("half-applied migration visible").isTrue();
        }
    }

    private void seedShippedVersion() throws Exception {
        try (var store = SqliteStores.open(db())) {
            for (int i = 0; i < 3; i++) {
                store.save(response("qr-" + i));
            }
        }
    }

    private static Migrator failingNext(Migrator.Mode mode) {
        List<Migration> migrations = new ArrayList<>();
        migrations.addAll(KillProbeMigration.shipped());
        migrations.add(new Migration(Migrator.SCRIPTS.size() + 1, "V005__broken.sql", List.of(
                "CREATE TABLE broken_probe (x INTEGER)",
                "INSERT INTO broken_probe VALUES (1)",
                "INSERT INTO broken_probe SELECT * FROM missing_table")));
        return new Migrator(migrations, mode, (m, i) -> {});
    }

    @Test
    void rejectsMigrationsThatSkipAVersion() {
        List<Migration> gap = List.of(Migration.load(Migrator.SCRIPTS.get(0)), new Migration(3, "V003__x.sql", List.of("SELECT 1")));
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> new Migrator(gap, Migrator.Mode.ATOMIC, (m, i) -> {}));
        assertThat(e).hasMessageContaining("V003__x.sql is at position 2");
    }

    @Test
    void auditRowsCannotBeChangedOrDeleted() throws Exception {
        seedShippedVersion();
        try (RawDb raw = RawDb.open(db())) {
            assertThatThrownBy(() -> raw.exec("UPDATE audit SET actor = 'x'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit is append-only");
            assertThatThrownBy(() -> raw.exec("DELETE FROM audit"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit is append-only");
            assertThat(raw.count("SELECT count(*) FROM audit")).isEqualTo(3);
        }
    }

    @Test
    void theAuditChainShowsAnEditedRow() throws Exception {
        seedShippedVersion();
        try (RawDb raw = RawDb.open(db())) {
            assertThat(AuditLog.firstBrokenRow(raw.connection())).as("intact chain").isEmpty();
            raw.exec("DROP TRIGGER audit_no_update");
            raw.exec("UPDATE audit SET object = 'response/someone-else' WHERE seq = 2");
            assertThat(AuditLog.firstBrokenRow(raw.connection())).hasValue(2);
        }
    }
}
