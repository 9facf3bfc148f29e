package org.openrom.web.internal;

import org.openrom.web.internal.page.TestClock;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientViewsTest {
    @TempDir
    Path dir;

    private List<String> audit() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("openrom.db"));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT actor || ' ' || action || ' ' || object FROM audit ORDER BY seq")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void listsTheCaseloadWithAgeAndOpenEpisodeAndAuditsEachYoungPerson() throws Exception {
        try (TestSite site = new TestSite(dir)) {
            PatientViews views = new PatientViews(site.host, TestSite.SCORING, site.store,
                    new TestClock(Instant.parse("2026-11-22T10:00:00Z")));
            JsonNode body = views.caseload(SAM);
            assertThat(body.at("/clinician/id").asText()).isEqualTo("clinician");
            assertThat(body.path("patients")).hasSize(1);
            assertThat(body.at("/patients/0/id").asText()).isEqualTo("p1");
            assertThat(body.at("/patients/0/displayName").asText()).isEqualTo("Amara Khan");
            assertThat(body.at("/patients/0/age").asInt()).isEqualTo(15);
            assertThat(body.at("/patients/0/openEpisode/id").asText()).isEqualTo("p1-e1");
            assertThat(body.toString()).doesNotContain("9990000018").doesNotContain("LS6");
            assertThat(audit()).containsExactly("clinician patient.listed patient/p1");
            assertThat(catchThrowableOfType(ApiException.class, () -> views.caseload(TestSite.ADMIN)).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void showsProgressOldestFirstOnlyForTheCaseloadAndAuditsTheView() throws Exception {
        try (TestSite site = new TestSite(dir)) {
            ResponseIntake intake = site.intake();
            intake.submit(SAM, phq9("later", "p1", "2026-03-01T10:00:00Z", 1, 1, 1, 1, 1, 1, 1, 1, 1));
            intake.submit(SAM, phq9("earlier", "p1", "2026-02-01T10:00:00Z", 2, 2, 2, 2, 2, 2, 2, 2, 2));
            PatientViews views = new PatientViews(site.host, TestSite.SCORING, site.store,
                    new TestClock(Instant.parse("2026-11-22T10:00:00Z")));
            JsonNode body = views.progress(SAM, "p1", "phq9");
            assertThat(body.path("responses")).extracting(r -> r.path("responseId").asText())
                    .containsExactly("earlier", "later");
            assertThat(body.at("/responses/0/scores/scales/total/value").asInt()).isEqualTo(18);
            assertThat(catchThrowableOfType(ApiException.class, () -> views.progress(ALEX, "p1", "phq9")).status())
                    .isEqualTo(403);
            assertThat(catchThrowableOfType(ApiException.class, () -> views.progress(SAM, "p1", "nope")).status())
                    .isEqualTo(400);
            assertThat(catchThrowableOfType(ApiException.class, () -> views.progress(SAM, "../x", "phq9")).status())
                    .isEqualTo(400);
            assertThat(audit()).endsWith("clinician progress.viewed patient/p1/progress/phq9",
                    "clinician2 access.denied patient/p1");
        }
    }
}
