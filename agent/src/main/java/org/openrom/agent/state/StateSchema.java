package org.openrom.agent.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The agent's schema, version 1 (PRAGMA user_version), created in one transaction. */
final class StateSchema {
    private static final String[] V1 = {
        """
        CREATE TABLE batch (
            batch_id        TEXT NOT NULL PRIMARY KEY,
            sequence        INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
            quarter         TEXT NOT NULL UNIQUE,
            quarter_start   TEXT NOT NULL,
            quarter_end     TEXT NOT NULL,
            from_seq        INTEGER NOT NULL,
            to_seq          INTEGER NOT NULL CHECK (to_seq >= from_seq),
            created         TEXT NOT NULL,
            file            TEXT NOT NULL,
            state           TEXT NOT NULL CHECK (state IN ('SEALING','SEALED','SENDING','ACKNOWLEDGED','STOPPED','PURGED')),
            bytes           INTEGER NOT NULL DEFAULT 0,
            sha256          TEXT,
            attempts        INTEGER NOT NULL DEFAULT 0,
            last_error      TEXT,
            last_attempt    TEXT,
            intended_at     TEXT NOT NULL,
            sealed_at       TEXT,
            acknowledged_at TEXT,
            purged_at       TEXT,
            receipt         BLOB,
            receipt_json    TEXT,
            CHECK ((state IN ('SEALING')) = (sha256 IS NULL)),
            CHECK ((state IN ('ACKNOWLEDGED','PURGED')) = (receipt IS NOT NULL))
        ) STRICT""",
        "CREATE TABLE cursor (id INTEGER PRIMARY KEY CHECK (id = 1), outbox_seq INTEGER NOT NULL) STRICT",
        "INSERT INTO cursor VALUES (1, 0)",
        "CREATE TABLE empty_quarter (quarter TEXT NOT NULL PRIMARY KEY, quarter_start TEXT NOT NULL, at TEXT NOT NULL) STRICT",
        "CREATE TABLE run_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL) STRICT",
        "CREATE TABLE kv (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) STRICT",
        "PRAGMA user_version = 1"
    };

    private StateSchema() {}

    static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version == 1) {
            return;
        }
        if (version != 0) {
            throw new IllegalStateException("agent state schema version " + version + " is newer than this agent (1)");
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : V1) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
