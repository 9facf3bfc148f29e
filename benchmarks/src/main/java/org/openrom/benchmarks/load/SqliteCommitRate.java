package org.openrom.benchmarks.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * SQLite's own single-row commit rate on this disk: one response-shaped row (8 columns, the same ~1.5 KB FHIR JSON a
 * submission carries) per transaction, WAL + {@code synchronous=FULL}, one thread. The ceiling of any design that
 * commits once per save.
 */
final class SqliteCommitRate {

    private SqliteCommitRate() {}

    /** @return commits per second over {@code seconds} */
    static double measure(Path file, String json, double seconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
                Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("PRAGMA synchronous")) {
                rs.next();
                if (rs.getInt(1) != 2) {
                    throw new IllegalStateException("synchronous is " + rs.getInt(1) + ", not FULL (2)");
                }
            }
            try (var rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                if (!"wal".equals(rs.getString(1))) {
                    throw new IllegalStateException("journal_mode is " + rs.getString(1) + ", not wal");
                }
            }
            s.execute("CREATE TABLE IF NOT EXISTS response (response_id TEXT NOT NULL PRIMARY KEY, patient_id TEXT"
                    + " NOT NULL, episode_id TEXT, measure_id TEXT NOT NULL, authored TEXT NOT NULL, fhir_json TEXT NOT"
                    + " NULL, scores_json TEXT NOT NULL, stored_at TEXT NOT NULL) STRICT");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO response VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long end = System.nanoTime() + (long) (seconds * 1e9);
                long start = System.nanoTime();
                int n = 0;
                while (System.nanoTime() < end) {
                    ps.setString(1, "row-" + start + "-" + n);
                    ps.setString(2, "demo-" + (n % 1000));
                    ps.setString(3, "demo-e1");
                    ps.setString(4, "phq9");
                    ps.setString(5, "2026-11-01T00:00:00.000000000Z");
                    ps.setString(6, json);
                    ps.setString(7, "{\"total\":{\"value\":14}}");
                    ps.setString(8, "2026-11-22T00:00:00.000000000Z");
                    ps.executeUpdate(); // autocommit: one durable transaction per row
                    n++;
                }
                return n / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
