package org.openrom.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.openrom.api.store.StoredResponse;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * Prints durable saves per second on this machine: the real {@code save} (response + outbox + audit, one
 * transaction each, WAL + synchronous=FULL) against the same three inserts batched N per transaction, and
 * how long opening (quick_check included) takes on the resulting file. Not a test: run by hand, e.g.
 *
 * <pre>
 * mvn -q -pl bundles/store test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp bundles/store/target/classes:bundles/store/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.openrom.store.internal.SaveThroughputHarness 3000 100 3
 * </pre>
 *
 * Args: responses per run (default 3000), batch size (100), runs (3).
 */
public final class SaveThroughputHarness {

    private SaveThroughputHarness() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("openrom-harness");
        for (int run = 1; run <= runs; run++) {
            Path single = dir.resolve("single-" + run + ".db");
            double singleRate = saveOneByOne(single, n, run);
            Path batched = dir.resolve("batched-" + run + ".db");
            double batchedRate = saveBatched(batched, n, batch, run);
            long start = System.nanoTime();
            SqliteStores.open(batched).close();
            double openMs = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "run %d: save() 1/tx %,.0f responses/s (%.3f ms each) | %d/tx %,.0f responses/s"
                            + " | open %,d-row file (%.1f MB) %.0f ms%n",
                    run, singleRate, 1000 / singleRate, batch, batchedRate, n,
                    Files.size(batched) / 1e6, openMs);
        }
    }

    private static double saveOneByOne(Path file, int n, int run) throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(file)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                store.save(TestResponses.response("s" + run + "-" + i, "p" + (i % 100), "phq9", Instant.now()));
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The inserts {@code save} does, {@code batch} per transaction, on a writer configured like the store's. */
    private static double saveBatched(Path file, int n, int batch, int run) throws Exception {
        new SqliteResponseStore(file, Clock.systemUTC(), Migrator.bundled()).close();
        try (Connection c = DatabaseFile.connect(file, DatabaseFile.Role.WRITER)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i += batch) {
                Pragmas.exec(c, "BEGIN IMMEDIATE");
                for (int j = i; j < Math.min(n, i + batch); j++) {
                    insert(c, TestResponses.response("b" + run + "-" + j, "p" + (j % 100), "phq9", Instant.now()));
                }
                Pragmas.exec(c, "COMMIT");
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void insert(Connection c, StoredResponse r) throws Exception {
        Instant now = Instant.now();
        String at = Timestamps.format(now, "now");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO response VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.responseId());
            ps.setString(2, r.patientId());
            ps.setString(3, r.episodeId());
            ps.setString(4, r.measureId());
            ps.setString(5, Timestamps.format(r.authored(), "authored"));
            ps.setString(6, r.fhirJson());
            ps.setString(7, r.scoresJson());
            ps.setString(8, at);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (response_id, created_at) VALUES (?, ?)")) {
            ps.setString(1, r.responseId());
            ps.setString(2, at);
            ps.executeUpdate();
        }
        AuditLog.append(c, now, "system", "response.stored", "response/" + r.responseId());
    }
}
