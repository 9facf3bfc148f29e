package org.openrom.itest.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** HAPI FHIR, embedded in org.openrom.fhir, parsing and checking inside the framework. */
@ExtendWith(ServiceExtension.class)
class FhirServiceIT {
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    @InjectService(timeout = 30_000)
    QuestionnaireResponses fhir;

    /** A PHQ-9 response; {@code extra} is spliced into the item array. */
    static String phq9(int[] answers, String extra) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(answers[i] < CODES.length ? CODES[answers[i]] : "LA9999-9").append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"itest-phq9\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/demo-1\"},\"authored\":\"2026-11-22T10:00:00Z\","
                + "\"item\":[" + items + extra + "]}";
    }

    @Test
    void acceptsAValidPhq9() {
        CapturedResponse r = fhir.parse(phq9(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 1}, ""));
        assertThat(r.measureId()).isEqualTo("phq9");
        assertThat(r.id()).isEqualTo("itest-phq9");
        assertThat(r.subject()).isEqualTo("Patient/demo-1");
        assertThat(r.answers()).hasSize(9);
        assertThat(r.answersByLinkId().get("q9")).isInstanceOf(AnswerValue.CodingValue.class);
        assertThat(fhir.check(r)).isEmpty();
    }

    @Test
    void rejectsAnUnknownLinkIdNamingTheItem() {
        List<Issue> issues = problems(phq9(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0},
                ",{\"linkId\":\"q12\",\"answer\":[{\"valueInteger\":1}]}"));
        assertThat(issues).isNotEmpty();
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.severity()).isEqualTo(Issue.Severity.ERROR);
            assertThat(i.linkId()).isEqualTo("q12");
            assertThat(i.message()).contains("q12");
        });
    }

    @Test
    void rejectsAnOutOfRangeAnswerNamingTheItem() {
        List<Issue> issues = problems(phq9(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 7}, ""));
        assertThat(issues).isNotEmpty();
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.linkId()).isEqualTo("q9");
            assertThat(i.message()).contains("q9").contains("LA9999-9");
        });
    }

    /** Problems found at parse time or by the check: either is a refusal naming the item. */
    private List<Issue> problems(String json) {
        InvalidResponseException refused = catchThrowableOfType(InvalidResponseException.class, () -> fhir.parse(json));
        return refused != null ? refused.issues() : fhir.check(fhir.parse(json));
    }
}
