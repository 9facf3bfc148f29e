package org.openrom.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on a database file, for tests to inspect or damage what the store wrote. */
final class RawDb implements AutoCloseable {

    private final Connection c;

    private RawDb(Connection c) {
        this.c = c;
    }

    static RawDb open(Path file) throws SQLException {
        return new RawDb(DriverManager.getConnection("jdbc:sqlite:" + file));
    }

    Connection connection() {
        return c;
    }

    long count(String sql) throws SQLException {
        return Long.parseLong(single(sql));
    }

    String single(String sql) throws SQLException {
        List<String> rows = column(sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + rows);
        }
        return rows.get(0);
    }

    List<String> column(String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    boolean tableExists(String name) throws SQLException {
        return count("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + name + "'") == 1;
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
