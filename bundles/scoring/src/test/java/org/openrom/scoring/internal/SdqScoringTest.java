package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.scoring.internal.TestScoring.positions;
import static org.openrom.scoring.internal.TestScoring.score;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;

/** Golden tests for the SDQ (MEASURES.md §1): reversal, proration, RND, totals, impact, both band schemes. */
class SdqScoringTest {
    static final String[] EMOTIONAL = {"q3", "q8", "q13", "q16", "q24"};

    @ParameterizedTest(name = "reversed {0}")
    @CsvSource({"q7,conduct", "q11,peer", "q14,peer", "q21,hyperactivity", "q25,hyperactivity"})
    void everyReversedItemScoresTwoMinusThePosition(String item, String scale) {
        // The scale's other items all "Not true" (0); the reversed item at "Not true" scores 2, at "Certainly true" 0.
        assertThat(scale(scale, item, 0)).as(item + " at Not true").isEqualByComparingTo("2");
        assertThat(scale(scale, item, 1)).as(item + " at Somewhat true").isEqualByComparingTo("1");
        assertThat(scale(scale, item, 2)).as(item + " at Certainly true").isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "not reversed {0}")
    @ValueSource(strings = {"q5", "q12", "q18", "q22"})
    void conductItemsOtherThanSevenAreNotReversed(String item) {
        // q7 at Certainly true (scores 0) so only the item under test counts.
        Map<String, AnswerValue> a = positions("q5", 0, "q7", 2, "q12", 0, "q18", 0, "q22", 0);
        a.put(item, new AnswerValue.IntegerValue(2));
        assertThat(score("sdq-p", a).value("conduct")).isEqualByComparingTo("2");
    }

    private static java.math.BigDecimal scale(String scale, String item, int position) {
        Map<String, String[]> items = Map.of("conduct", new String[] {"q5", "q7", "q12", "q18", "q22"},
                "peer", new String[] {"q6", "q11", "q14", "q19", "q23"},
                "hyperactivity", new String[] {"q2", "q10", "q15", "q21", "q25"});
        Map<String, AnswerValue> a = new LinkedHashMap<>();
        for (String i : items.get(scale)) {
            // other reversed items at Certainly true (score 0), plain items at Not true (score 0)
            boolean reversed = i.equals("q7") || i.equals("q11") || i.equals("q14") || i.equals("q21") || i.equals("q25");
            a.put(i, new AnswerValue.IntegerValue(reversed ? 2 : 0));
        }
        a.put(item, new AnswerValue.IntegerValue(position));
        return score("sdq-p", a).value(scale);
    }

    @Test
    void officialExampleRawFourOnThreeItemsIsSeven() {
        ScaleScore e = score("sdq-p", positions("q3", 2, "q8", 2, "q13", 0)).scale("emotional").orElseThrow();
        assertThat(e.value()).isEqualByComparingTo("7"); // 4/3 x 5 = 6.67
        assertThat(e.prorated()).isTrue();
        assertThat(e.answered()).isEqualTo(3);
    }

    @Test
    void halfIsRoundedAwayFromZeroNotToEven() {
        // 4 answered with raw 2 -> 2.5 -> 3 (banker's rounding would give 2)
        assertThat(score("sdq-p", positions("q3", 1, "q8", 1, "q13", 0, "q16", 0)).value("emotional"))
                .isEqualByComparingTo("3");
        // raw 6 on 4 items -> 7.5 -> 8 (banker's would also give 8); raw 10 on 4 -> 12.5 impossible, max 8/4
        assertThat(score("sdq-p", positions("q3", 2, "q8", 2, "q13", 1, "q16", 1)).value("emotional"))
                .isEqualByComparingTo("8");
    }

    @Test
    void prorationStopsExactlyAtThreeOfFive() {
        ScoreSet three = score("sdq-p", positions("q3", 1, "q8", 1, "q13", 1));
        assertThat(three.value("emotional")).isEqualByComparingTo("5");
        ScaleScore two = score("sdq-p", positions("q3", 1, "q8", 1)).scale("emotional").orElseThrow();
        assertThat(two.value()).isNull();
        assertThat(two.missing().reason()).isEqualTo(MissingReason.TOO_FEW_ANSWERS);
        assertThat(two.missing().detail()).isEqualTo("emotional: 2 of 5 items answered, 3 needed");
    }

    @Test
    void totalNeedsAllFourDifficultyScalesAndNeverBecomesZero() {
        Map<String, AnswerValue> a = complete(0);
        a.remove("q6");
        a.remove("q11");
        a.remove("q14"); // peer: 2 of 5 answered
        ScoreSet s = score("sdq-p", a);
        assertThat(s.value("peer")).isNull();
        assertThat(s.value("emotional")).isNotNull();
        ScaleScore total = s.scale("total_difficulties").orElseThrow();
        assertThat(total.value()).isNull();
        assertThat(total.missing().reason()).isEqualTo(MissingReason.COMPONENT_MISSING);
        assertThat(total.missing().detail()).contains("peer");
        assertThat(s.value("internalising")).isNull();
        assertThat(s.value("externalising")).isNotNull();
    }

    @Test
    void totalSumsTheFourDifficultyScalesNotProsocial() {
        Map<String, AnswerValue> a = complete(1); // every item Somewhat true -> every scale 5
        ScoreSet s = score("sdq-p", a);
        assertThat(s.value("total_difficulties")).isEqualByComparingTo("20");
        assertThat(s.value("externalising")).isEqualByComparingTo("10");
        assertThat(s.value("internalising")).isEqualByComparingTo("10");
        assertThat(s.value("prosocial")).isEqualByComparingTo("5");
    }

    @Test
    void impactScreeningNoGivesZeroEvenWithTheItemsSkipped() {
        Map<String, AnswerValue> a = complete(0);
        a.put("impact-difficulties", new AnswerValue.IntegerValue(0));
        ScaleScore impact = score("sdq-p", a).scale("impact").orElseThrow();
        assertThat(impact.value()).isEqualByComparingTo("0");
        assertThat(impact.band("sdq-3band").label()).isEqualTo("normal");
    }

    @Test
    void impactScreeningUnansweredIsMissing() {
        assertThat(score("sdq-p", complete(0)).scale("impact").orElseThrow().missing().reason())
                .isEqualTo(MissingReason.SCREENING_UNANSWERED);
    }

    @Test
    void impactWeightsNotAtAllAndOnlyALittleAsZero() {
        Map<String, AnswerValue> a = complete(0);
        a.putAll(positions("impact-difficulties", 2, "impact-distress", 1, "impact-home", 2, "impact-friendships", 3,
                "impact-classroom", 0, "impact-leisure", 3, "impact-burden", 3));
        // 0 + 1 + 2 + 0 + 2; burden not scored
        assertThat(score("sdq-p", a).value("impact")).isEqualByComparingTo("5");
        a.put("impact-leisure", new AnswerValue.IntegerValue(1));
        assertThat(score("sdq-p", a).value("impact")).isEqualByComparingTo("3");
    }

    @Test
    void teacherImpactHasThreeItemsUpToSix() {
        Map<String, AnswerValue> a = complete(0);
        a.putAll(positions("impact-difficulties", 3, "impact-distress", 3, "impact-peers", 3, "impact-classroom", 3));
        ScaleScore impact = score("sdq-t", a).scale("impact").orElseThrow();
        assertThat(impact.value()).isEqualByComparingTo("6");
        assertThat(impact.band("sdq-4band").label()).isEqualTo("very-high");
    }

    @ParameterizedTest(name = "{0} {1}={2}: {3} / {4}")
    @CsvSource({
        "sdq-p,total_difficulties,13,normal,close-to-average", "sdq-p,total_difficulties,14,borderline,slightly-raised",
        "sdq-p,total_difficulties,16,borderline,slightly-raised", "sdq-p,total_difficulties,17,abnormal,high",
        "sdq-p,total_difficulties,19,abnormal,high", "sdq-p,total_difficulties,20,abnormal,very-high",
        "sdq-t,total_difficulties,11,normal,close-to-average", "sdq-t,total_difficulties,12,borderline,slightly-raised",
        "sdq-t,total_difficulties,15,borderline,slightly-raised", "sdq-t,total_difficulties,16,abnormal,high",
        "sdq-t,total_difficulties,18,abnormal,high", "sdq-t,total_difficulties,19,abnormal,very-high",
        "sdq-s,total_difficulties,14,normal,close-to-average", "sdq-s,total_difficulties,15,normal,slightly-raised",
        "sdq-s,total_difficulties,16,borderline,slightly-raised", "sdq-s,total_difficulties,19,borderline,high",
        "sdq-s,total_difficulties,20,abnormal,very-high",
        "sdq-p,emotional,3,normal,close-to-average", "sdq-p,emotional,4,borderline,slightly-raised",
        "sdq-p,emotional,5,abnormal,high", "sdq-p,emotional,6,abnormal,high", "sdq-p,emotional,7,abnormal,very-high",
        "sdq-t,emotional,4,normal,slightly-raised", "sdq-t,emotional,5,borderline,high", "sdq-t,emotional,6,abnormal,very-high",
        "sdq-s,peer,2,normal,close-to-average", "sdq-s,peer,3,normal,slightly-raised", "sdq-s,peer,4,borderline,high", "sdq-s,peer,5,borderline,very-high",
        "sdq-s,peer,6,abnormal,very-high",
        "sdq-p,hyperactivity,6,borderline,slightly-raised", "sdq-p,hyperactivity,7,abnormal,slightly-raised",
        "sdq-p,hyperactivity,8,abnormal,high", "sdq-p,hyperactivity,9,abnormal,very-high",
    })
    void bandsAreInclusiveAtEveryBoundary(String measure, String scale, int value, String band3, String band4) {
        ScaleScore s = score(measure, withScale(scale, value)).scale(scale).orElseThrow();
        assertThat(s.value()).isEqualByComparingTo(Integer.toString(value));
        assertThat(s.band("sdq-3band").label()).isEqualTo(band3);
        assertThat(s.band("sdq-4band").label()).isEqualTo(band4);
    }

    @ParameterizedTest(name = "{0} prosocial {1}: {2} / {3}")
    @CsvSource({"sdq-p,6,normal,low", "sdq-p,5,borderline,very-low", "sdq-p,4,abnormal,very-low",
        "sdq-p,8,normal,close-to-average", "sdq-p,7,normal,slightly-lowered",
        "sdq-t,6,normal,close-to-average", "sdq-t,5,borderline,slightly-lowered", "sdq-t,4,abnormal,low",
        "sdq-t,3,abnormal,very-low", "sdq-s,7,normal,close-to-average", "sdq-s,6,normal,slightly-lowered",
        "sdq-s,5,borderline,low", "sdq-s,4,abnormal,very-low"})
    void prosocialBandsRunTheOtherWay(String measure, int value, String band3, String band4) {
        ScaleScore s = score(measure, withScale("prosocial", value)).scale("prosocial").orElseThrow();
        assertThat(s.band("sdq-3band").label()).isEqualTo(band3);
        assertThat(s.band("sdq-4band").label()).isEqualTo(band4);
    }

    @Test
    void bandsCarryTheirSourceTag() {
        ScaleScore total = score("sdq-t", withScale("total_difficulties", 17)).scale("total_difficulties").orElseThrow();
        assertThat(total.band("sdq-3band").source().tag()).isEqualTo("V"); // teacher abnormal: checked
        ScaleScore normal = score("sdq-t", withScale("total_difficulties", 3)).scale("total_difficulties").orElseThrow();
        assertThat(normal.band("sdq-3band").source().tag()).isEqualTo("M"); // normal/borderline split: remembered
    }

    /** Every item at one position, with the reversed items mirrored so every scale is position x 5. */
    static Map<String, AnswerValue> complete(int position) {
        Map<String, AnswerValue> a = new LinkedHashMap<>();
        for (int i = 1; i <= 25; i++) {
            boolean reversed = i == 7 || i == 11 || i == 14 || i == 21 || i == 25;
            a.put("q" + i, new AnswerValue.IntegerValue(reversed ? 2 - position : position));
        }
        return a;
    }

    /** Complete answers giving one scale (or the total, spread over the difficulty scales) the value asked. */
    static Map<String, AnswerValue> withScale(String scale, int value) {
        Map<String, AnswerValue> a = complete(0);
        Map<String, String[]> items = Map.of("emotional", EMOTIONAL,
                "peer", new String[] {"q6", "q19", "q23", "q11", "q14"},
                "hyperactivity", new String[] {"q2", "q10", "q15", "q21", "q25"},
                "prosocial", new String[] {"q1", "q4", "q9", "q17", "q20"});
        if (scale.equals("total_difficulties")) {
            int left = value;
            for (String s : new String[] {"emotional", "peer", "hyperactivity"}) {
                int v = Math.min(10, left);
                a.putAll(withScale(s, v).entrySet().stream()
                        .filter(e -> java.util.Arrays.asList(items.get(s)).contains(e.getKey()))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
                left -= v;
            }
            return a;
        }
        int left = value;
        for (String item : items.get(scale)) {
            int v = Math.min(2, left);
            boolean reversed = item.equals("q11") || item.equals("q14") || item.equals("q21") || item.equals("q25");
            a.put(item, new AnswerValue.IntegerValue(reversed ? 2 - v : v));
            left -= v;
        }
        return a;
    }
}
