package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * The JSON API of the built distribution, as a script uses it: HTTP Basic with the demo account, a PHQ-9 posted,
 * 201 — then the process is killed (SIGKILL, no shutdown) and the response is in the database file: "stored" is
 * answered only after the commit.
 */
class ApiProcessIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final String DEMO = "Basic "
            + Base64.getEncoder().encodeToString("clinician:openrom-demo".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    private static String phq9(String id, int... answers) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[answers[i]]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/demo-4\"},\"authored\":\"2026-11-02T10:00:00Z\","
                + "\"item\":[" + items + "]}";
    }

    @Test
    void aResponseAnswered201SurvivesSigkillRightAfterTheAnswer() throws Exception {
        Path data = tmp.resolve("data");
        int port = Site.freePort();
        URI api = URI.create("http://127.0.0.1:" + port + "/openrom/api/");
        String id = "process-" + UUID.randomUUID();
        try (Site site = Site.start("site", "--port", Integer.toString(port), "--data", data.toString())) {
            assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
            HttpResponse<String> caseload = HTTP.send(HttpRequest.newBuilder(api.resolve("patients"))
                    .header("Authorization", DEMO).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(caseload.statusCode()).as(caseload.body()).isEqualTo(200);
            assertThat(caseload.body()).contains("\"id\":\"demo-4\"");

            HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(api.resolve("responses"))
                    .timeout(Duration.ofSeconds(150))
                    .header("Authorization", DEMO)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(phq9(id, 3, 3, 2, 2, 1, 1, 0, 0, 2))).build(),
                    HttpResponse.BodyHandlers.ofString());
            site.process.destroyForcibly();
            site.process.waitFor();
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            assertThat(saved.body()).contains("\"total\":{\"value\":14").contains("\"linkId\":\"q9\"");
        }
        try (CloseableResponseStore store = SqliteStores.open(data.resolve("openrom.db"))) {
            assertThat(store.find(id)).hasValueSatisfying(r -> {
                assertThat(r.patientId()).isEqualTo("demo-4");
                assertThat(r.measureId()).isEqualTo("phq9");
                assertThat(r.scoresJson()).contains("\"total\":{\"value\":14");
            });
        }
    }
}
