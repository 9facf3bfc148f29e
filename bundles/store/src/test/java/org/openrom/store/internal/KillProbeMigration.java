package org.openrom.store.internal;

import java.util.List;

/**
 * A test-only schema version 2 that does real work in several statements: a new table filled with about
 * 20 MB (more than SQLite's page cache, so uncommitted pages spill to the WAL file on disk), a new column
 * on {@code response} and an update of every response. A child JVM is killed after {@link #STOP_AFTER}.
 */
final class KillProbeMigration {

    /** The child prints {@link #SIGNAL} after this statement (0-based) and then blocks until killed. */
    static final int STOP_AFTER = 3;

    static final String SIGNAL = "in-migration";

    static final int ROWS = 50_000;

    private KillProbeMigration() {}

    static Migration v2() {
        return new Migration(2, "V002__kill_probe.sql", List.of(
                "CREATE TABLE kill_probe (n INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT",
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < " + ROWS + ")"
                        + " INSERT INTO kill_probe SELECT n, hex(randomblob(200)) FROM k",
                "ALTER TABLE response ADD COLUMN kill_probe_note TEXT",
                "UPDATE response SET kill_probe_note = 'migrated'",
                "CREATE INDEX kill_probe_by_payload ON kill_probe (payload)"));
    }

    static List<Migration> v1AndV2() {
        return List.of(Migration.load(Migrator.SCRIPTS.get(0)), v2());
    }
}
