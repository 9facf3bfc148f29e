package org.openrom.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.web.internal.TestSite.P1;
import static org.openrom.web.internal.TestSite.SAM;
import static org.openrom.web.internal.TestSite.phq9;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.Issue;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.store.StoredResponse;

class RescorerTest {
    @TempDir Path dir;
    TestSite site;
    final AtomicInteger parses = new AtomicInteger();
    QuestionnaireResponses counting;

    @BeforeEach
    void open() throws Exception {
        site = new TestSite(dir);
        counting = new QuestionnaireResponses() {
            @Override
            public CapturedResponse parse(String json) {
                parses.incrementAndGet();
                return site.fhir.parse(json);
            }

            @Override
            public List<Issue> check(CapturedResponse response) {
                return site.fhir.check(response);
            }

            @Override
            public Set<String> questionnaires() {
                return site.fhir.questionnaires();
            }
        };
    }

    @AfterEach
    void close() {
        site.close();
    }

    private ResponseIntake intake() {
        return new ResponseIntake(counting, new Rescorer(counting, TestSite.SCORING), site.store, site.host);
    }

    @Test
    void eachSubmissionParsesOnlyItselfOnceTheEarlierScoresAreRemembered() {
        ResponseIntake intake = intake();
        intake.submit(SAM, phq9("a", "p1", "2026-02-01T10:00:00Z", 3, 3, 3, 3, 3, 3, 2, 0, 0));
        intake.submit(SAM, phq9("b", "p1", "2026-03-01T10:00:00Z", 2, 2, 2, 2, 2, 2, 2, 0, 0));
        parses.set(0);
        JsonNode c = intake.submit(SAM, phq9("c", "p1", "2026-04-01T10:00:00Z", 1, 1, 1, 1, 1, 0, 0, 0, 0)).body();
        assertThat(parses.get()).as("parses for the third submission").isEqualTo(1);
        assertThat(c.at("/changeSinceFirst/scales/total/first").asInt()).isEqualTo(20);
        assertThat(c.at("/changeSincePrevious/scales/total/first").asInt()).isEqualTo(14);

        // Control: a fresh instance (a restart) remembers nothing and parses the first and the previous again,
        // and answers the same change.
        parses.set(0);
        JsonNode d = intake().submit(SAM, phq9("d", "p1", "2026-05-01T10:00:00Z", 0, 0, 0, 0, 0, 0, 0, 0, 0)).body();
        assertThat(parses.get()).isEqualTo(3);
        assertThat(d.at("/changeSinceFirst/scales/total/first").asInt()).isEqualTo(20);
        assertThat(d.at("/changeSincePrevious/scales/total/first").asInt()).isEqualTo(5);
    }

    @Test
    void aCorrectedBirthDateOrGenderScoresTheStoredResponseAgain() {
        Rescorer rescorer = new Rescorer(counting, TestSite.SCORING);
        String json = phq9("a", "p1", "2026-02-01T10:00:00Z", 3, 3, 3, 3, 3, 3, 2, 0, 0);
        ScoreSet last = rescorer.score(counting.parse(json), P1);
        StoredResponse earlier = new StoredResponse("a", "p1", null, "phq9", java.time.Instant.parse("2026-02-01T10:00:00Z"),
                json, "{}");
        rescorer.stored("a", P1, last);
        parses.set(0);
        assertThat(rescorer.change(earlier, last, P1)).isNotNull();
        assertThat(parses.get()).as("remembered").isZero();
        Patient olderBirthDate = new Patient(P1.id(), P1.nhsNumber(), P1.givenName(), P1.familyName(),
                LocalDate.of(2010, 3, 1), P1.gender(), P1.postcode(), P1.ethnicity());
        assertThat(rescorer.change(earlier, last, olderBirthDate)).isNotNull();
        assertThat(parses.get()).as("scored again for the corrected birth date").isEqualTo(1);
        Patient otherGender = new Patient(P1.id(), P1.nhsNumber(), P1.givenName(), P1.familyName(), P1.birthDate(),
                Patient.Gender.UNKNOWN, P1.postcode(), P1.ethnicity());
        assertThat(rescorer.change(earlier, last, otherGender)).isNotNull();
        assertThat(parses.get()).isEqualTo(2);
    }
}
