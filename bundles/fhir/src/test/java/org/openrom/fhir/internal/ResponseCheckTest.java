package org.openrom.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrom.api.fhir.Answer;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.AnswerValue.BooleanValue;
import org.openrom.api.fhir.AnswerValue.CodingValue;
import org.openrom.api.fhir.AnswerValue.DecimalValue;
import org.openrom.api.fhir.AnswerValue.IntegerValue;
import org.openrom.api.fhir.AnswerValue.StringValue;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.Issue;

class ResponseCheckTest {
    private static final String LOINC = "http://loinc.org";
    private static final String FIXTURE = "http://openrom.org/fhir/CodeSystem/fixture-scale";
    private static HapiQuestionnaireResponses service;

    @BeforeAll
    static void start() {
        Map<String, String> all = Fixtures.allQuestionnaires();
        service = new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> all);
    }

    @Test
    void acceptsACompletePhq9() {
        assertThat(service.check(phq9(List.of()))).isEmpty();
    }

    @Test
    void namesAnUnknownLinkId() {
        assertThat(messages(phq9(List.of(new Answer("q12", coding(LOINC, "LA6568-5"))))))
                .containsExactly("q12: no such item in phq9");
        assertThat(service.check(phq9(List.of(new Answer("q12", coding(LOINC, "LA6568-5"))))).get(0).code())
                .isEqualTo("QR-1201");
    }

    @Test
    void namesACodeThatIsNotAnAllowedOption() {
        CapturedResponse r = phq9(List.of()).answers().stream().map(a -> a.linkId().equals("q9")
                ? new Answer("q9", coding(LOINC, "LA9999-9")) : a).collect(collectingResponse());
        List<Issue> issues = service.check(r);
        assertThat(issues).extracting(Issue::linkId, Issue::code).containsExactly(org.assertj.core.groups.Tuple.tuple("q9", "QR-1203"));
        assertThat(issues.get(0).message())
                .isEqualTo("q9: code LA9999-9 is not one of the allowed answers (LA6568-5, LA6569-3, LA6570-1, LA6571-9)");
    }

    @Test
    void namesTheRightCodeFromAnotherSystem() {
        CapturedResponse r = phq9(List.of()).answers().stream().map(a -> a.linkId().equals("q2")
                ? new Answer("q2", coding("http://snomed.info/sct", "LA6568-5")) : a).collect(collectingResponse());
        assertThat(messages(r)).containsExactly(
                "q2: code LA6568-5 has system http://snomed.info/sct, but the allowed answer has system http://loinc.org");
    }

    @Test
    void namesAnIntegerOutsideMinAndMax() {
        assertThat(messages(fixture(a("q3", new IntegerValue(11)))))
                .containsExactly("q3: 11 is above the maximum of 10");
        assertThat(messages(fixture(a("g1.g2.q1", new IntegerValue(0)))))
                .containsExactly("g1.g2.q1: 0 is below the minimum of 1");
        assertThat(messages(fixture(a("q4", new DecimalValue(new BigDecimal("10.1"))))))
                .containsExactly("q4: 10.1 is above the maximum of 10.0");
    }

    @Test
    void namesAMissingRequiredAnswerOnlyWhenTheResponseIsFinal() {
        CapturedResponse missingQ4 = new CapturedResponse(null, phq9Canonical(), "phq9", "completed", null, null,
                phq9(List.of()).answers().stream().filter(x -> !x.linkId().equals("q4")).toList(), "{}");
        assertThat(messages(missingQ4)).containsExactly("q4: required, but not answered in this phq9 response");
        CapturedResponse inProgress = new CapturedResponse(null, phq9Canonical(), "phq9", "in-progress", null, null,
                missingQ4.answers(), "{}");
        assertThat(service.check(inProgress)).isEmpty();
    }

    @Test
    void requiresAnEnabledItemAndRefusesAnswersToADisabledOne() {
        // q9 is enabled when q2 = true, and required.
        assertThat(messages(fixture(a("q2", new BooleanValue(true)), a("q9", null))))
                .containsExactly("q9: required, but not answered in this fixture-all response");
        assertThat(messages(fixture(a("q2", new BooleanValue(false)), a("q9", new StringValue("x")))))
                .containsExactly("q9: answered, but not enabled (enableWhen q2 equal)");
    }

    @Test
    void evaluatesEveryEnableWhenOperatorAndBehaviour() {
        // q10: q3 > 5; q11: q1 = a3 (coding); q13: q3 >= 3 AND q1 != a0; q14: q3 <= 2 OR q4 < 5.0; q12: q5 exists
        assertThat(linkIds(fixture(a("q3", new IntegerValue(5)), a("q10", new IntegerValue(1))))).containsExactly("q10");
        assertThat(linkIds(fixture(a("q3", new IntegerValue(6)), a("q10", new IntegerValue(1))))).isEmpty();
        assertThat(linkIds(fixture(a("q1", coding(FIXTURE, "a3")), a("q11", null)))).containsExactly("q11");
        assertThat(linkIds(fixture(a("q1", coding(FIXTURE, "a0")), a("q13", coding(FIXTURE, "c1"))))).containsExactly("q13");
        assertThat(linkIds(fixture(a("q3", new IntegerValue(2)), a("q13", null), a("q14", null)))).containsExactly("q14");
        assertThat(linkIds(fixture(a("q3", new IntegerValue(3)), a("q4", new DecimalValue(new BigDecimal("4.9"))), a("q14", null))))
                .containsExactly("q14");
        assertThat(linkIds(fixture(a("q5", new StringValue("short")), a("q12", new StringValue("ok"))))).isEmpty();
        assertThat(linkIds(fixture(a("q5", null), a("q12", new StringValue("no"))))).containsExactly("q12");
    }

    @Test
    void refusesASecondAnswerUnlessTheItemRepeats() {
        assertThat(messages(fixture(a("q8", coding(FIXTURE, "b1")), a("q8", coding(FIXTURE, "b2"))))).isEmpty();
        List<Answer> answers = new ArrayList<>(fixture().answers());
        answers.add(1, new Answer("q1", coding(FIXTURE, "a2")));
        assertThat(messages(withAnswers(answers))).containsExactly("q1: takes one answer, got 2");
    }

    @Test
    void refusesWrongTypesAnswersToGroupsAndOverlongStrings() {
        // (q13 depends on q3 >= 3; a string never satisfies it, so q13 is left out here)
        assertThat(messages(fixture(a("q3", new StringValue("3")), a("q13", null))))
                .containsExactly("q3: expected an integer answer, got a string of 1 characters");
        assertThat(messages(fixture(a("q5", new StringValue("x".repeat(21))))))
                .containsExactly("q5: an answer of 21 characters is longer than the maximum of 20");
        List<Answer> answers = new ArrayList<>(fixture().answers());
        answers.add(answers.indexOf(answers.stream().filter(x -> x.linkId().equals("g1.q1")).findFirst().orElseThrow()),
                new Answer("g1", new BooleanValue(true)));
        assertThat(messages(withAnswers(answers))).containsExactly("g1: a group item takes no answer, got boolean true");
    }

    @Test
    void allowsACalculatedReadOnlyTotalAndSkipsRequiredItemsOfAnAbsentOptionalGroup() {
        assertThat(service.check(fixture(a("total", new IntegerValue(3))))).isEmpty();
        assertThat(fixture().answers()).noneMatch(x -> x.linkId().startsWith("g3"));
        assertThat(messages(fixture(a("g3.q2", coding(FIXTURE, "d1")))))
                .containsExactly("g3.q1: required, but not answered in this fixture-all response",
                        "g3.q2: answered, but not enabled (enableWhen g3.q1 equal)");
    }

    @Test
    void namesAnswersOutOfQuestionnaireOrder() {
        List<Answer> answers = new ArrayList<>(fixture().answers());
        java.util.Collections.swap(answers, 0, 1);
        assertThat(messages(withAnswers(answers))).containsExactly(
                "q1: answered out of order (the Questionnaire fixture-all puts it earlier)");
    }

    @Test
    void reportsAResponseToAnUnknownQuestionnaire() {
        CapturedResponse r = new CapturedResponse(null, "http://example.org/Questionnaire/x|1", "x", "completed",
                null, null, List.of(), "{}");
        assertThat(service.check(r)).extracting(Issue::code).containsExactly("QR-1004");
    }

    // ---- building responses

    private static AnswerValue coding(String system, String code) {
        return new CodingValue(system, code, null);
    }

    private static String phq9Canonical() {
        return "http://openrom.org/fhir/Questionnaire/phq9|1.0.0";
    }

    /** A complete PHQ-9 (all 0) plus extra answers at the end. */
    private static CapturedResponse phq9(List<Answer> extra) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            answers.add(new Answer("q" + i, coding(LOINC, "LA6568-5")));
        }
        answers.addAll(extra);
        return new CapturedResponse(null, phq9Canonical(), "phq9", "completed", null, null, answers, "{}");
    }

    private static java.util.stream.Collector<Answer, ?, CapturedResponse> collectingResponse() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                l -> new CapturedResponse(null, phq9Canonical(), "phq9", "completed", null, null, l, "{}"));
    }

    /** An override of the base fixture answer; a null value removes the answer. */
    private record Override(String linkId, AnswerValue value) {}

    private static Override a(String linkId, AnswerValue value) {
        return new Override(linkId, value);
    }

    /**
     * A valid fixture-all response (q1=a1, q2=false, q3=4, q16 unanswered, g1 answered) with overrides applied in
     * Questionnaire order: an override replaces the base answer or is inserted where the item belongs.
     */
    private static CapturedResponse fixture(Override... overrides) {
        Map<String, List<AnswerValue>> given = new java.util.HashMap<>();
        given.put("q1", List.of(coding(FIXTURE, "a1")));
        given.put("q2", List.of(new BooleanValue(false)));
        given.put("q3", List.of(new IntegerValue(4)));
        given.put("q13", List.of(coding(FIXTURE, "c0")));
        given.put("g1.q1", List.of(coding(FIXTURE, "a2")));
        given.put("g1.g2.q1", List.of(new IntegerValue(3)));
        java.util.Set<String> overridden = new java.util.HashSet<>();
        for (Override o : overrides) {
            if (o.value() == null) {
                given.remove(o.linkId());
            } else if (overridden.add(o.linkId())) {
                given.put(o.linkId(), List.of(o.value()));
            } else {
                List<AnswerValue> more = new ArrayList<>(given.get(o.linkId()));
                more.add(o.value());
                given.put(o.linkId(), more);
            }
        }
        CompiledQuestionnaire q = service.engine().catalog().resolve("http://openrom.org/fhir/Questionnaire/fixture-all");
        List<Answer> answers = new ArrayList<>();
        for (ItemRule rule : q.items()) {
            given.getOrDefault(rule.linkId(), List.of()).forEach(v -> answers.add(new Answer(rule.linkId(), v)));
        }
        return withAnswers(answers);
    }

    private static CapturedResponse withAnswers(List<Answer> answers) {
        return new CapturedResponse(null, "http://openrom.org/fhir/Questionnaire/fixture-all|0.1.0", "fixture-all",
                "completed", null, null, answers, "{}");
    }

    private static List<String> messages(CapturedResponse r) {
        return service.check(r).stream().map(Issue::message).toList();
    }

    private static List<String> linkIds(CapturedResponse r) {
        return service.check(r).stream().map(Issue::linkId).distinct().sorted().toList();
    }
}
