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
 * G2 for schema changes: a migration killed with SIGKILL half way leaves the previous version intact.
 * The control run applies the same migration without its transaction and must leave a partial state.
 */
class MigrationKillTest {

    private static final int RESPONSES = 20;

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("openrom.db");
    }

    @Test
    void aMigrationKilledHalfWayLeavesThePreviousVersionIntact() throws Exception {
        seedVersionOne();
        killChildInMigration(Migrator.Mode.ATOMIC);

        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(1);
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
        new SqliteResponseStore(db(), Clock.systemUTC(), new Migrator(KillProbeMigration.v1AndV2(), Migrator.Mode.ATOMIC,
                (m, i) -> {})).close();
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(2);
            assertThat(raw.count("SELECT count(*) FROM kill_probe")).isEqualTo(KillProbeMigration.ROWS);
        }
    }

    @Test
    void controlAMigrationWithoutItsTransactionKilledHalfWayLeavesAPartialState() throws Exception {
        seedVersionOne();
        killChildInMigration(Migrator.Mode.AUTOCOMMIT_UNSAFE);

        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("PRAGMA user_version")).isEqualTo(1);
            assertThat(raw.tableExists("kill_probe")).as("half-applied table").isTrue();
            assertThat(raw.count("SELECT count(*) FROM kill_probe")).isEqualTo(KillProbeMigration.ROWS);
            assertThat(raw.count("SELECT count(*) FROM response WHERE kill_probe_note = 'migrated'")).isEqualTo(RESPONSES);
        }
        StoreOpenException e = catchThrowableOfType(StoreOpenException.class, () -> new SqliteResponseStore(db(),
                Clock.systemUTC(), new Migrator(KillProbeMigration.v1AndV2(), Migrator.Mode.ATOMIC, (m, i) -> {})).close());
        assertThat(e).as("the half-applied migration cannot be re-run").isNotNull()
                .hasMessageContaining("table kill_probe already exists");
    }

    private void seedVersionOne() throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            for (int i = 0; i < RESPONSES; i++) {
                store.save(response("qr-" + i));
            }
        }
    }

    private void killChildInMigration(Migrator.Mode mode) throws Exception {
        try (ChildJvm child = ChildJvm.start(MigrationKillChild.class, dir, "migration-" + mode, db().toString(),
                mode.name())) {
            child.awaitLine(KillProbeMigration.SIGNAL, 60);
            if (mode == Migrator.Mode.ATOMIC) {
                // The uncommitted 20 MB did reach the disk: the kill leaves real frames in the WAL to discard.
                assertThat(Files.size(dir.resolve("openrom.db-wal"))).isGreaterThan(1_000_000);
            }
            List<String> output = child.killAndCollect();
            assertThat(output).containsExactly(KillProbeMigration.SIGNAL);
        }
    }
}
