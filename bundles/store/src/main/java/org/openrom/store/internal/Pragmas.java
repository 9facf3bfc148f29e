package org.openrom.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small JDBC helpers for statements without parameters: pragmas and transaction control. */
final class Pragmas {

    private static final Logger LOG = LoggerFactory.getLogger(Pragmas.class);

    private Pragmas() {}

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int userVersion(Connection c) throws SQLException {
        return intPragma(c, "user_version");
    }

    static int intPragma(Connection c, String pragma) throws SQLException {
        return Integer.parseInt(stringPragma(c, pragma));
    }

    /** The first column of the first row of {@code PRAGMA name}; empty when there is no row. */
    static String stringPragma(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "";
        }
    }

    /** Tables, indexes, views and triggers other than SQLite's own. */
    static int userObjectCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Rolls back after a failure, keeping the original failure as the one reported. SQLite may already
     * have rolled back by itself (disk full, I/O error); that "no transaction is active" answer is expected.
     */
    static void rollbackQuietly(Connection c, Throwable original) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                original.addSuppressed(e);
                LOG.warn("Rollback after a failed write also failed", e);
            }
        }
    }
}
