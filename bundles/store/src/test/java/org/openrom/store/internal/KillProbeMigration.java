package org.openrom.store.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-only schema version after the shipped ones that does real work in several statements: a new table
 * filled with about 20 MB (more than SQLite's page cache, so uncommitted pages spill to the WAL file on disk), a
 * new column on {@code response} and an update of every response. A child JVM is killed after
 * {@link #STOP_AFTER}.
 */
final class KillProbeMigration {

    /** The child prints {@link #SIGNAL} after this statement (0-based) and then blocks until killed. */
    static final int STOP_AFTER = 3;

    static final String SIGNAL = "in-migration";

    static final int ROWS = 50_000;

    /** The probe's schema version: one after the newest shipped script. */
    static final int VERSION = Migrator.SCRIPTS.size() + 1;

    private KillProbeMigration() {}

    static Migration probe() {
        return new Migration(VERSION, String.format("V%03d__kill_probe.sql", VERSION), List.of(
                "CREATE TABLE kill_probe (n INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT",
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < " + ROWS + ")"
                        + " INSERT INTO kill_probe SELECT n, hex(randomblob(200)) FROM k",
                "ALTER TABLE response ADD COLUMN kill_probe_note TEXT",
                "UPDATE response SET kill_probe_note = 'migrated'",
                "CREATE INDEX kill_probe_by_payload ON kill_probe (payload)"));
    }

    /** Every shipped script, in order. */
    static List<Migration> shipped() {
        return Migrator.SCRIPTS.stream().map(Migration::load).toList();
    }

    /** The shipped scripts up to and including {@code version}. */
    static List<Migration> shippedUpTo(int version) {
        return shipped().subList(0, version);
    }

    static List<Migration> shippedAndProbe() {
        List<Migration> all = new ArrayList<>(shipped());
        all.add(probe());
        return all;
    }
}
