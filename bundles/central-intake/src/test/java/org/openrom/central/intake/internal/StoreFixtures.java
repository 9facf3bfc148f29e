package org.openrom.central.intake.internal;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openrom.central.intake.internal.CollatorStore.Site;

/** What {@link CollatorStoreTest} (and so {@link PostgresStoreTest}) builds its batches, sites and checks from. */
final class StoreFixtures {
    static final String SITE = "RXA01";

    private StoreFixtures() {}

    /**
     * Writes {@code n} records, then: with {@code failAfter} null answers the batch row; with an IntakeException throws
     * it; with any other exception answers a batch row that breaks a NOT NULL constraint (no quarter).
     */
    static CollatorStore.BatchWriter writer(String batchId, long sequence, int n, String body, Exception failAfter) {
        return (sink, max) -> {
            for (int i = 0; i < n; i++) {
                sink.put("Observation", "obs-" + i, "p".repeat(64), "{\"resourceType\":\"Observation\",\"id\":\"obs-" + i
                        + "\",\"note\":\"" + body + "\"}");
            }
            if (failAfter instanceof IntakeException e) {
                throw e;
            }
            return batch(batchId, sequence, n, failAfter == null ? "2026-27-Q1" : null);
        };
    }

    static CollatorStore.Batch batch(String batchId, long sequence, long records, String quarter) {
        byte[] receipt = new byte[512];
        for (int i = 0; i < receipt.length; i++) {
            receipt[i] = (byte) (i * 7 + sequence);
        }
        return new CollatorStore.Batch(SITE, batchId, sequence, quarter, "b".repeat(63) + sequence % 10, "c".repeat(64),
                4096, records, Instant.parse("2026-07-01T02:00:03.123456789Z"), receipt);
    }

    static long rows(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Four threads open (and so migrate) the database at once, each with its own Database; returns their failures. */
    /** Four threads open (and migrate) the same new database at the same moment; what each open threw. */
    static List<Throwable> openAtOnce(String url, boolean openSafeguards) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    new Database(url, true, openSafeguards).close();
                    return null;
                }));
            }
            go.countDown();
            List<Throwable> failed = new ArrayList<>();
            for (Future<Void> f : opened) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.add(e.getCause());
                }
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> bodies(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT resource_id, sequence, body FROM record ORDER BY resource_id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3).replaceAll(".*\"note\":\"([^\"]*)\".*", "$1"));
            }
        }
        return out;
    }

    static X509Certificate certificate(String site) {
        KeyPair key = Certificates.ecP256();
        Instant now = Instant.now();
        return Certificates.issue(TestPki.name(site), key.getPublic(), null, key.getPrivate(), now.minusSeconds(60),
                now.plus(Duration.ofDays(365)), Certificates.Role.CLIENT, List.of());
    }

    static Site site(String id, String status) {
        return new Site(id, status, "", "", "", "", null);
    }
}
