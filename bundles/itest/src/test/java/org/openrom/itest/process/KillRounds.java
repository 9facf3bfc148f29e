package org.openrom.itest.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Compares an ack log with the site's SQLite file, read directly (which also recovers its WAL after a kill). */
final class KillRounds {

    /**
     * @param acknowledged ids answered 201
     * @param lost acknowledged but not in the response table
     * @param duplicated acknowledged with more than one outbox row or "response.stored" audit row
     * @param partial stored without exactly one outbox row and one audit row
     */
    record Tally(int acknowledged, int lost, int duplicated, int partial) {}

    private KillRounds() {}

    static List<String> readAcks(Path ackLog) throws IOException {
        return Files.readAllLines(ackLog).stream().filter(l -> !l.isBlank()).toList();
    }

    static Tally verify(Path db, List<String> acks) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                if (!"ok".equals(rs.getString(1))) {
                    throw new AssertionError("integrity_check of " + db + ": " + rs.getString(1));
                }
            }
            s.execute("CREATE TEMP TABLE acked (id TEXT PRIMARY KEY)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acked VALUES (?)")) {
                for (String id : acks) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("CREATE TEMP TABLE per_id AS SELECT a.id,"
                    + " (SELECT count(*) FROM response r WHERE r.response_id = a.id) AS responses,"
                    + " (SELECT count(*) FROM outbox o WHERE o.response_id = a.id) AS outbox,"
                    + " 0 AS audit FROM acked a");
            s.execute("CREATE TEMP TABLE stored_audit AS SELECT substr(object, 10) AS id, count(*) AS n FROM audit"
                    + " WHERE action = 'response.stored' GROUP BY object");
            s.execute("UPDATE per_id SET audit = ifnull((SELECT n FROM stored_audit WHERE stored_audit.id = per_id.id), 0)");
            return new Tally(acks.size(),
                    count(s, "SELECT count(*) FROM per_id WHERE responses = 0"),
                    count(s, "SELECT count(*) FROM per_id WHERE responses > 1 OR outbox > 1 OR audit > 1"),
                    count(s, "SELECT count(*) FROM per_id WHERE responses = 1 AND (outbox <> 1 OR audit <> 1)"));
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
