package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.store.internal.TestResponses.response;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointerTest {
    @TempDir Path dir;

    /** {busy, WAL frames, frames checkpointed} of a PASSIVE checkpoint run from outside (which itself copies none). */
    private static int[] walState(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        }
    }

    @Test
    void theCheckpointThreadMovesCommittedPagesIntoTheDatabaseFile() throws Exception {
        Path db = dir.resolve("openrom.db");
        try (SqliteResponseStore store = new SqliteResponseStore(db, Clock.systemUTC(), Migrator.bundled())) {
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
                    ResultSet rs = raw.createStatement().executeQuery("PRAGMA wal_autocheckpoint")) {
                rs.next();
                assertThat(rs.getInt(1)).as("a fresh connection's default").isEqualTo(1000);
            }
            for (int i = 0; i < 1500; i++) {
                store.save(response("qr-" + i));
            }
            long before = store.checkpointRuns();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (store.checkpointRuns() < before + 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(store.checkpointRuns()).as("the checkpoint thread runs").isGreaterThanOrEqualTo(before + 2);
            int[] wal = walState(db);
            assertThat(wal[1]).as("the saves went through the WAL").isPositive();
            assertThat(wal[2]).as("every frame is in the database file, moved there by the checkpoint thread")
                    .isEqualTo(wal[1]);
        }
    }
}
