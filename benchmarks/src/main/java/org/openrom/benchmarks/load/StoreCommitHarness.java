package org.openrom.benchmarks.load;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.openrom.api.store.SaveOutcome;
import org.openrom.api.store.StoredResponse;
import org.openrom.store.internal.SqliteResponseStore;

/**
 * Group commit inside the store alone: durable saves per second (response + outbox row + audit row each) from 1, 10
 * and 50 threads, with group commit ({@code maxGroupSize} 128, the default) and with one commit per save
 * ({@code maxGroupSize} 1), on fresh files in one run, beside SQLite's single-row commit rate. Not a test: see
 * benchmarks/README.md. Options: {@code --seconds S} per cell (5), {@code --levels 1,10,50}.
 */
public final class StoreCommitHarness {

    private StoreCommitHarness() {}

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(SubmitLoadHarness.option(args, "--seconds", "5"));
        List<Integer> levels = new ArrayList<>();
        for (String l : SubmitLoadHarness.option(args, "--levels", "1,10,50").split(",")) {
            levels.add(Integer.parseInt(l.trim()));
        }
        Path work = Files.createTempDirectory("openrom-store-commit");
        String json = json("sample", new Random(1));
        double sqlite = SqliteCommitRate.measure(work.resolve("baseline.db"), json, seconds);
        System.out.printf(Locale.ROOT, "StoreCommitHarness: %s s per cell, files in %s%nSQLite single-row commits: %,.0f/s%n%n",
                seconds, work, sqlite);
        System.out.println("| threads | one commit per save, saves/s | group commit, saves/s | group ÷ one"
                + " | group ÷ SQLite 1-row |");
        System.out.println("|---|---|---|---|---|");
        rate(work.resolve("warmup-1.db"), 1, 10, seconds); // JIT and page cache, not reported
        rate(work.resolve("warmup-128.db"), 128, 10, seconds);
        for (int threads : levels) {
            double single = rate(work.resolve("single-" + threads + ".db"), 1, threads, seconds);
            double group = rate(work.resolve("group-" + threads + ".db"), 128, threads, seconds);
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.1f× | %.2f |%n", threads, single, group,
                    group / single, group / sqlite);
        }
    }

    /** @return durable saves per second */
    private static double rate(Path file, int maxGroupSize, int threads, double seconds) throws Exception {
        try (SqliteResponseStore store = new SqliteResponseStore(config(Map.of(
                "databasePath", file.toString(), "maxGroupSize", maxGroupSize)))) {
            AtomicLong saved = new AtomicLong();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread w = new Thread(() -> {
                    Random random = new Random(thread);
                    for (int n = 0; System.nanoTime() < end; n++) {
                        String id = "t" + thread + "-" + n;
                        StoredResponse r = new StoredResponse(id, "demo-" + (n % 1000), "demo-e1", "phq9",
                                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), json(id, random),
                                "{\"total\":{\"value\":14}}");
                        if (store.save(r, "clinician") == SaveOutcome.STORED) {
                            saved.incrementAndGet();
                        }
                    }
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            return saved.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String json(String id, Random random) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1).append("\",\"answer\":[{\"valueCoding\":"
                    + "{\"system\":\"http://loinc.org\",\"code\":\"LA65").append(68 + random.nextInt(4)).append("-5\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\",\"questionnaire\":"
                + "\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\",\"subject\":"
                + "{\"reference\":\"Patient/demo-1\"},\"authored\":\"2026-11-02T10:00:00Z\",\"item\":[" + items + "]}";
    }

    /** The DS configuration as SCR would hand it: given values, else the attribute's default. */
    private static SqliteResponseStore.Config config(Map<String, Object> values) {
        return (SqliteResponseStore.Config) Proxy.newProxyInstance(StoreCommitHarness.class.getClassLoader(),
                new Class<?>[] {SqliteResponseStore.Config.class}, (proxy, method, a) -> {
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }
}
