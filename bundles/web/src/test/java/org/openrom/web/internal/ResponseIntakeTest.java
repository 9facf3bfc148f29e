package org.openrom.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openrom.web.internal.TestSite.ALEX;
import static org.openrom.web.internal.TestSite.SAM;
import static org.openrom.web.internal.TestSite.phq9;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseIntakeTest {
    @TempDir
    Path dir;

    private TestSite site;
    private ResponseIntake intake;

    @BeforeEach
    void open() throws Exception {
        site = new TestSite(dir);
        intake = site.intake();
    }

    @AfterEach
    void close() {
        site.close();
    }

    private List<String> sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("openrom.db"));
                ResultSet rs = c.createStatement().executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void storesAndScoresAPhq9WithTheItem9AlertTheEpisodeAndTheAuditActor() throws Exception {
        ResponseIntake.Result r = intake.submit(SAM, phq9("qr-1", "p1", "2026-02-28T23:30:00Z", 2, 3, 1, 1, 0, 2, 1, 0, 1));
        assertThat(r.stored()).isTrue();
        JsonNode body = r.body();
        assertThat(body.path("responseId").asText()).isEqualTo("qr-1");
        assertThat(body.at("/scores/scales/total/value").asInt()).isEqualTo(11);
        assertThat(body.at("/scores/age").asInt()).as("the day before the 15th birthday").isEqualTo(14);
        assertThat(body.at("/scores/sex").asText()).isEqualTo("female");
        assertThat(body.path("episodeId").asText()).isEqualTo("p1-e1");
        assertThat(body.path("alerts")).hasSize(1);
        assertThat(body.at("/alerts/0/linkId").asText()).isEqualTo("q9");
        assertThat(body.path("changeSinceFirst").isNull()).isTrue();
        assertThat(sql("SELECT actor || ' ' || action || ' ' || object FROM audit"))
                .containsExactly("clinician response.stored response/qr-1");
        assertThat(sql("SELECT response_id || ' ' || state FROM outbox")).containsExactly("qr-1 pending");
        assertThat(String.join("", sql("SELECT object FROM audit"))).doesNotContain("\"q9\"");
    }

    @Test
    void aRepeatOfTheSameResponseIsStoredOnceAndAnsweredWithTheSameBody() throws Exception {
        String json = phq9("qr-1", "p1", "2026-03-01T10:00:00Z", 1, 1, 1, 1, 1, 1, 1, 1, 0);
        ResponseIntake.Result first = intake.submit(SAM, json);
        ResponseIntake.Result again = intake.submit(SAM, json);
        assertThat(first.stored()).isTrue();
        assertThat(again.stored()).isFalse();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(sql("SELECT count(*) FROM response")).containsExactly("1");
        assertThat(sql("SELECT count(*) FROM outbox")).containsExactly("1");
        assertThat(sql("SELECT action FROM audit ORDER BY seq")).containsExactly("response.stored", "response.resubmitted");
    }

    @Test
    void otherContentUnderAStoredIdIsAConflictAndTheStoredOneIsKept() throws Exception {
        intake.submit(SAM, phq9("qr-1", "p1", "2026-03-01T10:00:00Z", 1, 1, 1, 1, 1, 1, 1, 1, 0));
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> intake.submit(SAM, phq9("qr-1", "p1", "2026-03-01T10:00:00Z", 3, 3, 3, 3, 3, 3, 3, 3, 3)));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.issues().get(0).code()).isEqualTo("API-1205");
        // Another clinician reusing the id for their own patient learns nothing about the stored one.
        ApiException other = catchThrowableOfType(ApiException.class,
                () -> intake.submit(ALEX, phq9("qr-1", "p2", "2026-03-01T10:00:00Z", 1, 1, 1, 1, 1, 1, 1, 1, 0)));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.getMessage()).doesNotContain("p1");
        assertThat(sql("SELECT scores_json FROM response")).singleElement().asString().contains("\"value\":8");
    }

    @Test
    void refusesAPatientOffTheCaseloadWith403AndAuditsTheRefusal() throws Exception {
        for (String patient : new String[] {"p2", "nobody"}) {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> intake.submit(SAM, phq9("qr-x", patient, "2026-03-01T10:00:00Z", 0, 0, 0, 0, 0, 0, 0, 0, 0)));
            assertThat(e.status()).as(patient).isEqualTo(403);
            assertThat(e.issues().get(0).code()).isEqualTo("API-1103");
        }
        assertThat(sql("SELECT actor || ' ' || action || ' ' || object FROM audit ORDER BY seq"))
                .containsExactly("clinician access.denied patient/p2", "clinician access.denied patient/nobody");
        assertThat(sql("SELECT count(*) FROM response")).containsExactly("0");
        ApiException admin = catchThrowableOfType(ApiException.class,
                () -> intake.submit(TestSite.ADMIN, phq9("qr-x", "p1", "2026-03-01T10:00:00Z", 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void refusesAResponseWithoutIdSubjectOrAuthoredAndNamesAnUnknownItem() {
        assertThat(catchThrowableOfType(ApiException.class,
                () -> intake.submit(SAM, phq9(null, "p1", "2026-03-01T10:00:00Z", 0, 0, 0, 0, 0, 0, 0, 0, 0))).issues())
                .singleElement().satisfies(i -> assertThat(i.code()).isEqualTo("API-1201"));
        ApiException noSubject = catchThrowableOfType(ApiException.class,
                () -> intake.submit(SAM, "{\"id\":\"a\",\"subject\":\"Group/7\",\"authored\":\"2026-03-01T10:00:00Z\"}"));
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.getMessage()).contains("Group/7");
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> intake.submit(SAM, "{\"id\":\"a\",\"subject\":\"Patient/p1\",\"authored\":\"2026-03-01T10:00:00Z\","
                        + "\"answers\":{\"q1\":0,\"q12\":1}}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.issues()).singleElement().satisfies(i -> assertThat(i.linkId()).isEqualTo("q12"));
    }

    @Test
    void reportsChangeSinceTheFirstAndThePreviousResponseByAuthoredTime() {
        intake.submit(SAM, phq9("a", "p1", "2026-02-01T10:00:00Z", 3, 3, 3, 3, 3, 3, 2, 0, 0));
        intake.submit(SAM, phq9("b", "p1", "2026-03-01T10:00:00Z", 2, 2, 2, 2, 2, 2, 2, 0, 0));
        JsonNode c = intake.submit(SAM, phq9("c", "p1", "2026-04-01T10:00:00Z", 1, 1, 1, 1, 1, 0, 0, 0, 0)).body();
        assertThat(c.at("/changeSinceFirst/fromResponseId").asText()).isEqualTo("a");
        assertThat(c.at("/changeSinceFirst/scales/total/first").asInt()).isEqualTo(20);
        assertThat(c.at("/changeSinceFirst/scales/total/last").asInt()).isEqualTo(5);
        assertThat(c.at("/changeSinceFirst/scales/total/verdict").asText()).isEqualTo("RELIABLE_IMPROVEMENT");
        assertThat(c.at("/changeSincePrevious/fromResponseId").asText()).isEqualTo("b");
        assertThat(c.at("/changeSincePrevious/scales/total/difference").asInt()).isEqualTo(-9);
        // A late-arriving earlier response compares only with what came before it.
        JsonNode early = intake.submit(SAM, phq9("z", "p1", "2026-01-01T10:00:00Z", 0, 0, 0, 0, 0, 0, 0, 0, 0)).body();
        assertThat(early.path("changeSinceFirst").isNull()).isTrue();
    }
}
