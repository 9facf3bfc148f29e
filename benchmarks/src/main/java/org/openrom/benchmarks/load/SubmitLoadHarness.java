package org.openrom.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submit → feedback latency and durable submissions per second of the built distribution on loopback, for 1, 10
 * and 50 concurrent clinicians (one thread and one kept-alive HTTP/1.1 connection each, HTTP Basic with the demo account, which the
 * site's credential cache checks once), beside SQLite's own single-row commit rate measured in the same run on the
 * same disk. Every counted submission is a 201, which the site answers only after its commit. Not a test: see
 * benchmarks/README.md for the command.
 *
 * <p>Options: {@code --dist DIR} (default dist/target/openrom/openrom), {@code --seconds S} per level (10),
 * {@code --warmup S} (20), {@code --levels 1,10,50}, {@code --patients N} on the caseload (2000),
 * {@code --think-ms M} each clinician's mean pause between submissions (0: saturating), {@code --client lean|jdk}: the
 * harness's own minimal client ({@link KeepAliveClient}, default) or the JDK's HttpClient, which costs the server,
 * sharing the cores, a third of its CPU.
 */
public final class SubmitLoadHarness {
    private static final String DEMO = "Basic "
            + Base64.getEncoder().encodeToString("clinician:openrom-demo".getBytes(StandardCharsets.UTF_8));
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final Pattern PATIENT_ID = Pattern.compile("\\{\"id\":\"([A-Za-z0-9-]+)\",\"displayName\"");

    private final URI responses;
    private final List<String> patients;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);

    /** Each clinician's pause between submissions (mean; 0.5–1.5 × at random), 0 for a saturating closed loop. */
    private final int thinkMillis;
    private final boolean jdkClient;

    private SubmitLoadHarness(URI api, List<String> patients, int thinkMillis, boolean jdkClient) {
        this.responses = api.resolve("responses");
        this.patients = patients;
        this.thinkMillis = thinkMillis;
        this.jdkClient = jdkClient;
    }

    record Level(int clinicians, int submissions, int errors, double seconds, double p50, double p99) {
        double perSecond() {
            return submissions / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(option(args, "--dist", "dist/target/openrom/openrom"));
        double seconds = Double.parseDouble(option(args, "--seconds", "10"));
        double warmup = Double.parseDouble(option(args, "--warmup", "20"));
        int patientCount = Integer.parseInt(option(args, "--patients", "2000"));
        int think = Integer.parseInt(option(args, "--think-ms", "0"));
        String client = option(args, "--client", "lean");
        if (!client.equals("lean") && !client.equals("jdk")) {
            System.err.println("SubmitLoadHarness: --client must be lean or jdk, not '" + client + "'");
            System.exit(2);
        }
        List<Integer> levels = new ArrayList<>();
        for (String l : option(args, "--levels", "1,10,50").split(",")) {
            levels.add(Integer.parseInt(l.trim()));
        }
        Path work = Files.createTempDirectory("openrom-load");
        System.out.printf(Locale.ROOT, "SubmitLoadHarness: %s, %d cores, %s s per level, warm-up %s s, think %d ms,"
                + " %s client, work in %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), seconds, warmup,
                think, client, work);
        List<Level> results = new ArrayList<>();
        String sample;
        try (SiteProcess site = SiteProcess.start(dist, work, patientCount)) {
            URI api = URI.create("http://127.0.0.1:" + site.port + "/openrom/api/");
            SubmitLoadHarness warm = new SubmitLoadHarness(api, caseload(api), 0, client.equals("jdk"));
            SubmitLoadHarness h = new SubmitLoadHarness(api, warm.patients, think, client.equals("jdk"));
            sample = h.phq9("sample", 0, new Random(1));
            warm.run(1, 60, "first"); // signs in once (PBKDF2, then cached) and warms the runtime up
            warm.run(10, warmup, "warmup");
            for (int n : levels) {
                Level level = h.run(n, seconds, "c" + n);
                results.add(level);
                System.out.printf(Locale.ROOT, "  %d clinicians: %d submissions in %.1f s, p50 %.2f ms, p99 %.2f ms,"
                        + " %d errors%n", n, level.submissions(), level.seconds(), level.p50(), level.p99(), level.errors());
            }
        }
        double sqlite = SqliteCommitRate.measure(work.resolve("sqlite-baseline.db"), sample, 5);
        System.out.printf(Locale.ROOT, "%nSQLite single-row commits (WAL + synchronous=FULL, same row shape, one thread):"
                + " %,.0f/s%n%n", sqlite);
        System.out.println("| clinicians | p50 ms | p99 ms | durable submissions/s | ÷ SQLite 1-row commits/s |");
        System.out.println("|---|---|---|---|---|");
        for (Level l : results) {
            System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %,.0f | %.2f |%n", l.clinicians(), l.p50(), l.p99(),
                    l.perSecond(), l.perSecond() / sqlite);
        }
    }

    private Level run(int clinicians, double seconds, String tag) throws InterruptedException {
        List<Latencies> parts = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < clinicians; t++) {
            Latencies mine = new Latencies();
            parts.add(mine);
            int thread = t;
            Thread th = new Thread(() -> submit(thread, tag, start, window, mine, errors, clinicians == 1 && "first".equals(tag)));
            threads.add(th);
            th.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        Latencies all = Latencies.merge(parts);
        return new Level(clinicians, all.submissions(), errors.get(), elapsed, all.percentileMillis(50), all.percentileMillis(99));
    }

    private void submit(int thread, String tag, CountDownLatch start, long[] window, Latencies out, AtomicInteger errors,
            boolean once) {
        HttpClient http = jdkClient ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build() : null;
        Random random = new Random(thread);
        try (KeepAliveClient lean = new KeepAliveClient(responses, DEMO, "application/fhir+json")) {
            start.await();
            for (int n = 0; System.nanoTime() < window[1]; n++) {
                String id = nonce + "-" + tag + "-t" + thread + "-" + n;
                String json = phq9(id, thread * 7919 + n, random);
                long t0 = System.nanoTime();
                KeepAliveClient.Reply r = http == null ? lean.post(json) : send(http, json);
                long t1 = System.nanoTime();
                if (r.status() == 201 && r.body().contains("\"scores\"")) {
                    // Each clinician's first request also opens its connection: counted, not timed.
                    if (n > 0) {
                        out.add(t1 - t0);
                    } else {
                        out.count();
                    }
                } else if (errors.getAndIncrement() < 3) {
                    System.out.println("  refused: " + r.status() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                }
                if (once) {
                    return;
                }
                if (thinkMillis > 0) {
                    Thread.sleep(thinkMillis / 2 + random.nextInt(thinkMillis));
                }
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            System.out.println("  failed: " + e);
        }
    }

    private KeepAliveClient.Reply send(HttpClient http, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(responses).timeout(Duration.ofSeconds(120))
                .header("Authorization", DEMO).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new KeepAliveClient.Reply(r.statusCode(), r.body());
    }

    private String phq9(String id, int k, Random random) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[random.nextInt(i == 8 ? 1 : CODES.length)]).append("\"}}]}");
        }
        String patient = patients.isEmpty() ? "demo-1" : patients.get(Math.floorMod(k, patients.size()));
        Instant authored = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(Math.floorMod(k, 20_000_000));
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authored\":\"" + authored + "\","
                + "\"item\":[" + items + "]}";
    }

    private static List<String> caseload(URI api) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("patients"))
                .header("Authorization", DEMO).timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("caseload: " + r.statusCode() + " " + r.body());
        }
        String body = r.body().substring(r.body().indexOf("\"patients\""));
        List<String> ids = new ArrayList<>();
        Matcher m = PATIENT_ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        System.out.println("  caseload: " + ids.size() + " young people");
        return ids;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
