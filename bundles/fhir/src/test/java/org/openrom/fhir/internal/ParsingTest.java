package org.openrom.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrom.api.fhir.Answer;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;

class ParsingTest {
    private static HapiQuestionnaireResponses service;

    @BeforeAll
    static void start() {
        Map<String, String> all = Fixtures.allQuestionnaires();
        service = new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> all);
    }

    @Test
    void acceptsAValidPhq9Response() {
        String json = Fixtures.phq9(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 3});
        CapturedResponse r = service.parse(json);
        assertThat(r.id()).isEqualTo("r1");
        assertThat(r.questionnaire()).isEqualTo("http://openrom.org/fhir/Questionnaire/phq9|1.0.0");
        assertThat(r.measureId()).isEqualTo("phq9");
        assertThat(r.status()).isEqualTo("completed");
        assertThat(r.subject()).isEqualTo("Patient/p1");
        assertThat(r.authored()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:15:00Z"));
        assertThat(r.json()).isEqualTo(json);
        assertThat(r.answers()).hasSize(9).first()
                .isEqualTo(new Answer("q1", new AnswerValue.CodingValue("http://loinc.org", "LA6568-5", null)));
        assertThat(r.answersByLinkId().get("q9")).isEqualTo(new AnswerValue.CodingValue("http://loinc.org", "LA6571-9", null));
        assertThat(service.check(r)).isEmpty();
    }

    @Test
    void takesAPlainCanonicalAsTheCurrentVersion() {
        String json = Fixtures.phq9(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0}).replace("phq9|1.0.0", "phq9");
        assertThat(service.parse(json).questionnaire()).isEqualTo("http://openrom.org/fhir/Questionnaire/phq9|1.0.0");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThat(issue("this is not JSON")).satisfies(i -> {
            assertThat(i.code()).isEqualTo("QR-1001");
            assertThat(i.message()).startsWith("not JSON: ");
        });
        assertThat(issue("{\"resourceType\":\"QuestionnaireResponse\",")).extracting(Issue::code).isEqualTo("QR-1001");
    }

    @Test
    void refusesAnotherResourceTypeNamingIt() {
        assertThat(issue("{\"resourceType\":\"Patient\",\"id\":\"p1\"}").message())
                .isEqualTo("resourceType is Patient, not QuestionnaireResponse");
        assertThat(issue("{\"resourceType\":\"Nonsense\"}").message())
                .isEqualTo("resourceType is 'Nonsense', not QuestionnaireResponse");
        assertThat(issue("{\"id\":\"x\"}").code()).isEqualTo("QR-1002");
    }

    @Test
    void refusesAnUnknownQuestionnaireOrVersionNamingIt() {
        String unknown = Fixtures.phq9(new int[9]).replace("http://openrom.org/fhir/Questionnaire/phq9|1.0.0", "http://example.org/Q/x");
        assertThat(issue(unknown)).satisfies(i -> {
            assertThat(i.code()).isEqualTo("QR-1004");
            assertThat(i.message()).startsWith("questionnaire http://example.org/Q/x is not one OpenROM knows: [");
        });
        assertThat(issue(Fixtures.phq9(new int[9]).replace("phq9|1.0.0", "phq9|9.9")).message()).isEqualTo(
                "questionnaire http://openrom.org/fhir/Questionnaire/phq9|9.9 is not a version OpenROM knows; "
                        + "it knows http://openrom.org/fhir/Questionnaire/phq9|1.0.0");
        assertThat(issue(Fixtures.phq9(new int[9]).replace("\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",", ""))
                .code()).isEqualTo("QR-1003");
    }

    @Test
    void flattensNestedItemsInDocumentOrder() {
        CapturedResponse r = service.parse(Fixtures.resource("/responses/fixture-nested.json"));
        assertThat(r.answers()).extracting(Answer::linkId).containsExactly(
                "q1", "q2", "q3", "q8", "q8", "q13", "g1.q1", "g1.g2.q1", "g1.g2.q2", "q16", "q16.1");
        assertThat(r.answers().get(7).value()).isEqualTo(new AnswerValue.IntegerValue(4));
        assertThat(r.answers().get(10).value()).isEqualTo(new AnswerValue.StringValue("under the answer"));
        assertThat(service.check(r)).isEmpty();
    }

    @Test
    void refusesAMalformedElement() {
        String json = Fixtures.phq9(new int[9]).replace("\"status\":\"completed\"", "\"status\":\"finished\"");
        assertThat(issue(json)).satisfies(i -> {
            assertThat(i.code()).isEqualTo("QR-1010");
            assertThat(i.message()).contains("finished");
        });
        assertThat(issue(Fixtures.phq9(new int[9]).replace("\"id\":\"r1\"", "\"colour\":\"red\"")).message()).contains("colour");
    }

    @Test
    void refusesWhatTheFlattenedAnswersCouldNotShow() {
        String nested = Fixtures.resource("/responses/fixture-nested.json");
        // g1.q1 also at the top level
        String misplaced = nested.replace("\"linkId\": \"q13\"", "\"linkId\": \"g1.q1\"");
        assertThat(issues(misplaced)).extracting(Issue::message)
                .contains("g1.q1: is at the top level, but belongs under g1");
        String twice = Fixtures.phq9(new int[9]).replace("\"linkId\":\"q2\"", "\"linkId\":\"q1\"");
        assertThat(issues(twice)).extracting(Issue::message)
                .containsExactly("q1: appears twice at the top level; give several answers in one item");
        String text = Fixtures.phq9(new int[9]).replace("{\"linkId\":\"q3\"", "{\"linkId\":\"q3\",\"text\":\"Something else\"");
        assertThat(issues(text)).extracting(Issue::message).containsExactly("q3: text differs from the Questionnaire's");
        String noStatus = Fixtures.phq9(new int[9]).replace("\"status\":\"completed\",", "");
        assertThat(issues(noStatus)).extracting(Issue::code).containsExactly("QR-1009");
        String empty = Fixtures.phq9(new int[9]).replaceFirst("\"item\":\\[.*\\]\\}$", "\"item\":[]}");
        assertThat(issues(empty)).extracting(Issue::message).containsExactly("FHIR JSON allows no empty array at /item (leave the property out instead)");
        String emptyAnswer = Fixtures.phq9(new int[9]).replaceFirst("\\{\"valueCoding\":\\{[^}]*\\}\\}", "{}");
        assertThat(issues(emptyAnswer)).extracting(Issue::code).containsExactly("QR-1015");
    }

    @Test
    void requiresTheRequiredItemsOfAGroupThatIsPresentWithoutAnswers() {
        String nested = Fixtures.resource("/responses/fixture-nested.json");
        String withEmptyOptionalGroup = nested.replace("{\"linkId\": \"q16\"", "{\"linkId\": \"g3\"}, {\"linkId\": \"q16\"");
        assertThat(issues(withEmptyOptionalGroup)).extracting(Issue::message)
                .containsExactly("g3.q1: required, but not answered (g3 is present)");
        String inProgress = withEmptyOptionalGroup.replace("\"completed\"", "\"in-progress\"");
        assertThat(service.parse(inProgress).answers()).noneMatch(a -> a.linkId().startsWith("g3"));
    }

    @Test
    void takesAnAnswerThatHoldsOnlySubItems() {
        String nested = Fixtures.resource("/responses/fixture-nested.json").replace("\"valueBoolean\": true, \"item\"", "\"item\"");
        CapturedResponse r = service.parse(nested);
        assertThat(r.answers()).extracting(Answer::linkId).endsWith("g1.g2.q2", "q16.1");
        assertThat(service.check(r)).isEmpty();
    }

    @Test
    void refusesAnAuthoredDateWithoutTime() {
        String json = Fixtures.phq9(new int[9]).replace("2026-11-22T10:15:00Z", "2026-11-22");
        assertThat(issues(json)).extracting(Issue::code).containsExactly("QR-1014");
    }

    private static Issue issue(String json) {
        List<Issue> issues = issues(json);
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private static List<Issue> issues(String json) {
        InvalidResponseException e = (InvalidResponseException) org.assertj.core.api.Assertions.catchThrowable(() -> service.parse(json));
        assertThat(e).as("parse of %s", json).isNotNull();
        return e.issues();
    }
}
