package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.itest.process.FaultProxy.Fault;

/**
 * The quarterly path end to end, as sites and the collator run it: the built {@code openrom} makes the collator's
 * keys, enrols the site, registers it, serves the intake over HTTPS with client certificates, and the agent seals
 * and delivers a quarter through a proxy that resets, drops and truncates. Oracle: every response acknowledged by the
 * site (its 201s, the ack log) is at the collator exactly once, under one batch id, and the agent holds a verified
 * receipt.
 */
class AgentDeliveryIT {
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final String DEMO = "Basic "
            + Base64.getEncoder().encodeToString("clinician:openrom-demo".getBytes(StandardCharsets.UTF_8));
    /** After the quarter the responses fall in (2026-27 Q3, October to December), so that it is due. */
    private static final String AGENT_CLOCK = "-Dopenrom.agent.clock=2027-01-10T03:00:00Z";
    private static final int RESPONSES = 24;

    @TempDir
    Path tmp;

    @Test
    void aQuarterReachesTheCollatorExactlyOnceThroughResetsDroppedAndTruncatedReplies() throws Exception {
        List<String> acked = captureResponses(tmp.resolve("site"));
        assertThat(acked).hasSize(RESPONSES);

        Path col = tmp.resolve("collator");
        Path agent = tmp.resolve("agent");
        Files.createDirectories(agent);
        ok(run(null, "collator", "init", "--data", col.toString()));
        int collatorPort = Site.freePort();
        try (Site collator = Site.start("collator", "serve", "--data", col.toString(), "--port",
                Integer.toString(collatorPort));
                FaultProxy proxy = new FaultProxy(collatorPort,
                        List.of(Fault.RESET, Fault.DROP_REPLY, Fault.TRUNCATE_REPLY, Fault.STALL))) {
            Path config = agentConfig(agent, proxy.port());
            ok(run(null, "agent", "--config", config.toString(), "enrol"));
            ok(run(null, "collator", "register-site", "--data", col.toString(), "--site", "RXX01",
                    "--csr", agent.resolve("site.csr").toString(), "--out", tmp.resolve("site.crt").toString()));
            ok(run(null, "collator", "export-certs", "--data", col.toString(), "--out",
                    tmp.resolve("collator-certs.pem").toString()));
            ok(run(null, "agent", "--config", config.toString(), "enrol", "--import-cert",
                    tmp.resolve("site.crt").toString(), "--collator-certs", tmp.resolve("collator-certs.pem").toString()));
            assertThat(collator.awaitRunning(180)).as(collator.describe()).isTrue();

            Result first = run(AGENT_CLOCK, "agent", "--config", config.toString(), "submit-now");
            assertThat(first.exit).as(first.output).isZero();
            assertThat(first.output).contains("receipt verified");
            assertThat(proxy.log).as("every fault was met").contains("0:RESET", "1:DROP_REPLY", "2:TRUNCATE_REPLY", "3:STALL");

            Result again = run(AGENT_CLOCK, "agent", "--config", config.toString(), "submit-now");
            assertThat(again.exit).as(again.output).isZero();

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + col.resolve("collator.db") + "?mode=ro")) {
                assertThat(count(db, "SELECT count(*) FROM batch")).as("one batch, however often it was sent").isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM record WHERE resource_type = 'QuestionnaireResponse'"))
                        .as("every acknowledged response once").isEqualTo(RESPONSES);
                assertThat(count(db, "SELECT count(DISTINCT resource_id) FROM record WHERE resource_type = 'QuestionnaireResponse'"))
                        .isEqualTo(RESPONSES);
            }
            Result status = run(AGENT_CLOCK, "agent", "--config", config.toString(), "status", "--json");
            assertThat(status.output).contains("\"state\" : \"ACKNOWLEDGED\"").contains("\"undelivered\" : [ ]");
        }
    }

    /** Runs the site, posts the responses through the JSON API, keeps each acknowledged id, stops the site. */
    private List<String> captureResponses(Path data) throws Exception {
        int port = Site.freePort();
        List<String> acked = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Site site = Site.start("site", "--port", Integer.toString(port), "--data", data.toString())) {
            assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
            for (int n = 0; n < RESPONSES; n++) {
                String id = "delivery-" + n;
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/openrom/api/responses"))
                        .header("Authorization", DEMO).header("Content-Type", "application/fhir+json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(phq9(id, "demo-" + (n % 8 + 1), n))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    acked.add(id);
                }
            }
        }
        return acked;
    }

    private static String phq9(String id, String patient, int n) {
        StringBuilder items = new StringBuilder();
        for (int q = 1; q <= 9; q++) {
            items.append(q == 1 ? "" : ",").append("{\"linkId\":\"q").append(q)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[(n + q) % 3]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authored\":\"2026-11-0" + (1 + n % 9)
                + "T10:00:00Z\",\"item\":[" + items + "]}";
    }

    private Path agentConfig(Path agent, int proxyPort) throws IOException {
        Path config = tmp.resolve("agent.properties");
        Files.writeString(config, String.join("\n",
                "site.id=RXX01",
                "site.database=" + tmp.resolve("site/openrom.db"),
                "agent.data=" + agent,
                "agent.keystore.password.file=" + agent.resolve("agent.pass"),
                "collator.url=https://127.0.0.1:" + proxyPort + "/",
                "retry.initial=PT0.2S",
                "retry.max.delay=PT1S",
                "retry.max.attempts=20",
                "http.read.timeout=PT5S",
                ""));
        return config;
    }

    private record Result(int exit, String output) {}

    private static Result run(String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Site.DIST.resolve("bin/openrom").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openrom " + String.join(" ", args) + " did not end: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    private static void ok(Result r) {
        assertThat(r.exit).as(r.output).isZero();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
