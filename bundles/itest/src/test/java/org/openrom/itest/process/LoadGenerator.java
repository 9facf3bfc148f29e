package org.openrom.itest.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clinicians' scripts posting PHQ-9 responses with unique ids to {@code POST /openrom/api/responses} (HTTP Basic,
 * the demo account), one thread and one HTTP client each, until closed. The id of every response answered 201 is
 * appended to the ack log after the answer arrived: the log holds exactly what the site acknowledged.
 */
final class LoadGenerator implements AutoCloseable {
    static final String DEMO = "Basic "
            + Base64.getEncoder().encodeToString("clinician:openrom-demo".getBytes(StandardCharsets.UTF_8));
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final Instant AUTHORED_FROM = Instant.parse("2026-11-01T00:00:00Z");

    private final URI responses;
    private final List<String> patients;
    private final String prefix;
    private final Path ackLog;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    private LoadGenerator(URI api, List<String> patients, String prefix, Path ackLog) {
        this.responses = api.resolve("responses");
        this.patients = List.copyOf(patients);
        this.prefix = prefix;
        this.ackLog = ackLog;
    }

    static LoadGenerator start(URI api, List<String> patients, int clinicians, String prefix, Path ackLog, long seed) {
        LoadGenerator g = new LoadGenerator(api, patients, prefix, ackLog);
        for (int t = 0; t < clinicians; t++) {
            int thread = t;
            Thread th = new Thread(() -> g.post(thread, new Random(seed * 31 + thread)), prefix + "-clinician-" + t);
            th.setDaemon(true);
            g.threads.add(th);
            th.start();
        }
        return g;
    }

    private void post(int thread, Random random) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int n = 0; !stop.get(); n++) {
            String id = prefix + "-t" + thread + "-" + n;
            String patient = patients.get((thread + n) % patients.size());
            String body = phq9(id, patient, AUTHORED_FROM.plusSeconds(n * 60L + thread), random);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(responses)
                        .timeout(Duration.ofSeconds(150))
                        .header("Authorization", DEMO)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    acknowledge(id);
                } else {
                    refused.incrementAndGet();
                    firstRefusal.compareAndSet(null, r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                failed.incrementAndGet(); // the site was killed mid-request: not acknowledged
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void acknowledge(String id) throws IOException {
        Files.writeString(ackLog, id + "\n", StandardOpenOption.APPEND);
        acknowledged.incrementAndGet();
    }

    /** A PHQ-9 with random answers for a young person on the demo clinician's caseload. */
    static String phq9(String id, String patient, Instant authored, Random random) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[random.nextInt(i == 8 ? 1 : CODES.length)]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authored\":\"" + authored + "\","
                + "\"item\":[" + items + "]}";
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code n} responses were acknowledged in this run. */
    void awaitAcknowledged(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + n + " responses acknowledged within " + timeout + ": " + summary());
            }
            Thread.sleep(10);
        }
    }

    String summary() {
        String refusal = firstRefusal.get();
        return "acknowledged " + acknowledged.get() + ", refused " + refused.get() + ", failed " + failed.get()
                + (refusal == null ? "" : " (first refusal: " + refusal.substring(0, Math.min(300, refusal.length())) + ")");
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
