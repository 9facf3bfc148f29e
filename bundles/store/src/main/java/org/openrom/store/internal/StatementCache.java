package org.openrom.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, compiled once per SQL text and reused: compiling a statement costs more
 * than running it, and the writer runs the same few statements for every save. Not thread-safe: one thread at a time
 * (the writer thread, or a reader's borrower). Callers must not close what {@link #prepare} returns.
 */
final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The statement for {@code sql}, with its parameters cleared. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Runs a statement without parameters or results, e.g. {@code SAVEPOINT write}. */
    void exec(String sql) throws SQLException {
        prepare(sql).execute();
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
