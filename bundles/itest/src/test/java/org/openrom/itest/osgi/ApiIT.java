package org.openrom.itest.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.StoredResponse;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The JSON API over real HTTP on loopback, against the bundles and configuration dist ships (demo host accounts
 * clinician / clinician2, password openrom-demo; clinician's caseload is demo-1 … demo-8). The data folder lives
 * across runs, so every response id and authored time is fresh.
 */
@ExtendWith(ServiceExtension.class)
class ApiIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CLINICIAN = basic("clinician", "openrom-demo");
    private static final String CLINICIAN2 = basic("clinician2", "openrom-demo");
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> runtime;

    @InjectService(timeout = 30_000)
    ResponseStore store;

    private URI base;

    @BeforeEach
    void awaitHealthy() throws Exception {
        URI root = Http.base(runtime.getServiceReference());
        HttpResponse<String> health = Http.awaitOk(root.resolve("openrom/api/health"), Duration.ofSeconds(60));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        base = root.resolve("openrom/api/");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A FHIR PHQ-9 response; answers are option positions; {@code extra} is spliced into the item array. */
    static String phq9(String id, String patient, Instant authored, int[] answers, String extra) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[answers[i]]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authored\":\"" + authored + "\","
                + "\"item\":[" + items + extra + "]}";
    }

    /** A time in 2026 before today no earlier run used (to the second), so counts by authored time are exact. */
    private static Instant freshAuthored() {
        long seconds = ThreadLocalRandom.current().nextLong(0, 200L * 24 * 3600);
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    private HttpResponse<String> post(String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("responses"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String auth, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id() {
        return "itest-" + UUID.randomUUID();
    }

    @Test
    void storesAValidPhq9AndAnswers201WithScoresAndTheItem9Alert() throws Exception {
        String id = id();
        HttpResponse<String> r = post(CLINICIAN, phq9(id, "demo-1", freshAuthored(), new int[] {2, 3, 1, 1, 0, 2, 1, 0, 1}, ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).contains("\"responseId\":\"" + id + "\"")
                .contains("\"total\":{\"value\":11")
                .contains("\"alerts\":[{\"kind\":\"RISK\"")
                .contains("\"linkId\":\"q9\"");
        assertThat(store.find(id)).hasValueSatisfying(s -> {
            assertThat(s.patientId()).isEqualTo("demo-1");
            assertThat(s.scoresJson()).contains("\"total\":{\"value\":11");
        });
    }

    @Test
    void theSameResponseTwiceIsStoredOnceAndAFreshIdIsTheControl() throws Exception {
        Instant authored = freshAuthored();
        int[] answers = {1, 1, 1, 1, 1, 1, 1, 1, 0};
        String id = id();
        HttpResponse<String> first = post(CLINICIAN, phq9(id, "demo-2", authored, answers, ""));
        HttpResponse<String> again = post(CLINICIAN, phq9(id, "demo-2", authored, answers, ""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(storedAt("demo-2", authored)).isEqualTo(1);

        // Control: the same answers under another id are a second response, and the count sees it.
        HttpResponse<String> other = post(CLINICIAN, phq9(id(), "demo-2", authored, answers, ""));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        assertThat(storedAt("demo-2", authored)).isEqualTo(2);
    }

    @Test
    void twoConcurrentPostsOfOneResponseStoreItOnceAndAnswer201And200() throws Exception {
        Instant authored = freshAuthored();
        String body = phq9(id(), "demo-6", authored, new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0}, "");
        post(CLINICIAN, phq9(id(), "demo-6", freshAuthored(), new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, ""));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(CLINICIAN, body);
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> a : answers) {
                statuses.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedAt("demo-6", authored)).isEqualTo(1);
    }

    private long storedAt(String patient, Instant authored) {
        return store.responses(patient, "phq9").stream().filter(s -> s.authored().equals(authored)).count();
    }

    @Test
    void anUnknownLinkIdIsAnOperationOutcomeNamingTheItem() throws Exception {
        String id = id();
        HttpResponse<String> r = post(CLINICIAN, phq9(id, "demo-1", freshAuthored(), new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0},
                ",{\"linkId\":\"q12\",\"answer\":[{\"valueInteger\":1}]}"));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        assertThat(r.body()).contains("\"resourceType\":\"OperationOutcome\"")
                .contains("\"severity\":\"error\"")
                .contains("q12")
                .contains("QuestionnaireResponse.item[9]")
                .contains("where(linkId='q12')");
        assertThat(store.find(id)).isEmpty();
    }

    @Test
    void aBodyOfOneMebibytePlusOneIs413() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(base.resolve("responses"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", CLINICIAN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("OperationOutcome").contains("API-1001");
    }

    @Test
    void aClientThatWaitsFor100ContinueGetsThe413BeforeSendingAHugeBody() throws Exception {
        // A raw socket, so that the test sees exactly what the server sends before any byte of the body.
        long declared = 512L * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + base.resolve("responses").getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: " + CLINICIAN + "\r\n"
                    + "Content-Type: application/fhir+json\r\n"
                    + "Content-Length: " + declared + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).as("status line, with no body sent").startsWith("HTTP/1.1 413");
            StringBuilder rest = new StringBuilder();
            for (String line; (line = in.readLine()) != null && rest.indexOf("API-1001") < 0; ) {
                rest.append(line).append('\n');
            }
            assertThat(rest).contains("API-1001").contains(declared + " bytes");
        }
    }

    @Test
    void jsonDeeperThan32LevelsIs400BeforeParsing() throws Exception {
        String deep = "{\"resourceType\":\"QuestionnaireResponse\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";
        HttpResponse<String> r = post(CLINICIAN, deep);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("API-1002").contains("deeper than 32");
    }

    @Test
    void aWrongOrMissingPasswordIs401WithABasicChallenge() throws Exception {
        String body = phq9(id(), "demo-1", freshAuthored(), new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, "");
        for (String auth : new String[] {basic("clinician", "wrong"), null}) {
            HttpResponse<String> r = post(auth, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic realm="));
            assertThat(r.body()).contains("OperationOutcome").contains("\"code\":\"login\"");
        }
    }

    @Test
    void anotherCliniciansPatientIs403() throws Exception {
        String id = id();
        HttpResponse<String> r = post(CLINICIAN2, phq9(id, "demo-1", freshAuthored(), new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("OperationOutcome").contains("API-1103");
        assertThat(store.find(id)).isEmpty();
        assertThat(get(CLINICIAN2, "patients/demo-1/progress?measure=phq9").statusCode()).isEqualTo(403);
    }

    @Test
    void progressReturnsBothResponsesOldestFirstAndTheCaseloadIsTheClinicians() throws Exception {
        Instant earlier = freshAuthored();
        Instant later = earlier.plus(Duration.ofDays(14));
        String a = id();
        String b = id();
        assertThat(post(CLINICIAN, phq9(b, "demo-3", later, new int[] {1, 1, 1, 1, 0, 0, 0, 0, 0}, "")).statusCode()).isEqualTo(201);
        HttpResponse<String> first = post(CLINICIAN, phq9(a, "demo-3", earlier, new int[] {2, 2, 2, 2, 2, 2, 2, 2, 0}, ""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        HttpResponse<String> progress = get(CLINICIAN, "patients/demo-3/progress?measure=phq9");
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        assertThat(progress.body()).contains("\"" + a + "\"").contains("\"" + b + "\"");
        assertThat(progress.body().indexOf("\"" + a + "\"")).isLessThan(progress.body().indexOf("\"" + b + "\""));
        List<Instant> times = store.responses("demo-3", "phq9").stream().map(StoredResponse::authored).toList();
        assertThat(times).isSorted();

        HttpResponse<String> caseload = get(CLINICIAN, "patients");
        assertThat(caseload.statusCode()).as(caseload.body()).isEqualTo(200);
        assertThat(caseload.body()).contains("\"id\":\"demo-1\"").contains("\"id\":\"demo-8\"").doesNotContain("\"id\":\"demo-9\"");
    }
}
