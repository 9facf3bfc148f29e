package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.scoring.internal.TestScoring.all;
import static org.openrom.scoring.internal.TestScoring.positions;
import static org.openrom.scoring.internal.TestScoring.score;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.AlertKind;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;

/** Golden tests for PHQ-9, GAD-7, YP-CORE and GBO (MEASURES.md §4, §5, §8). */
class FreeMeasuresTest {

    @Test
    void phq9SumsPositionsAndBandsModerate() {
        ScoreSet s = score("phq9", positions("q1", 3, "q2", 2, "q3", 1, "q4", 1, "q5", 1, "q6", 1, "q7", 1, "q8", 0, "q9", 0));
        ScaleScore total = s.scale("total").orElseThrow();
        assertThat(total.value()).isEqualByComparingTo("10");
        assertThat(total.band("phq9-severity").label()).isEqualTo("moderate");
        assertThat(s.alerts()).isEmpty();
    }

    @ParameterizedTest(name = "PHQ-9 {0} -> {1}")
    @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,moderately-severe",
            "19,moderately-severe", "20,severe", "27,severe"})
    void phq9BandBoundariesAreInclusive(int total, String band) {
        assertThat(score("phq9", spread(9, total)).scale("total").orElseThrow().band("phq9-severity").label())
                .isEqualTo(band);
    }

    @ParameterizedTest(name = "GAD-7 {0} -> {1}")
    @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
    void gad7BandBoundariesAreInclusive(int total, String band) {
        ScaleScore s = score("gad7", spread(7, total)).scale("total").orElseThrow();
        assertThat(s.value()).isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(s.band("gad7-severity").label()).isEqualTo(band);
    }

    @Test
    void phq9WithOneItemMissingIsMissingNotProrated() {
        Map<String, AnswerValue> a = all(9, 2);
        a.remove("q4");
        ScaleScore total = score("phq9", a).scale("total").orElseThrow();
        assertThat(total.value()).isNull();
        assertThat(total.missing().reason()).isEqualTo(MissingReason.TOO_FEW_ANSWERS);
        assertThat(total.missing().detail()).isEqualTo("total: 8 of 9 items answered, 9 needed");
    }

    @Test
    void phq9Item9AboveZeroAlwaysRaisesARiskAlertEvenWhenTheTotalIsMissing() {
        ScoreSet s = score("phq9", positions("q9", 1));
        assertThat(s.value("total")).isNull();
        assertThat(s.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.RISK);
            assertThat(a.code()).isEqualTo("phq9-item9");
            assertThat(a.linkId()).isEqualTo("q9");
            assertThat(a.value()).isEqualByComparingTo("1");
        });
    }

    @Test
    void phq9Item9UnansweredAsksTheClinicianToAsk() {
        Map<String, AnswerValue> a = all(9, 0);
        a.remove("q9");
        assertThat(score("phq9", a).alerts()).singleElement()
                .satisfies(al -> assertThat(al.kind()).isEqualTo(AlertKind.RISK_UNANSWERED));
    }

    @Test
    void phq9AcceptsTheLoincCodingAsWellAsThePosition() {
        Map<String, AnswerValue> a = all(9, 0);
        a.put("q1", new AnswerValue.CodingValue("http://loinc.org", "LA6571-9", "Nearly every day"));
        assertThat(score("phq9", a).value("total")).isEqualByComparingTo("3");
    }

    @Test
    void rejectsOutOfRangePositionUnknownItemAndUnknownMeasure() {
        assertThatThrownBy(() -> score("phq9", positions("q1", 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("phq9: item q1 needs an option position 0..3, got 4");
        assertThatThrownBy(() -> score("phq9", positions("q10", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("phq9: no answerable item q10");
        assertThatThrownBy(() -> score("phq10", positions("q1", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown measure: phq10");
        assertThatThrownBy(() -> score("phq9", Map.of("q1", new AnswerValue.CodingValue(null, "LA9999-9", null))))
                .hasMessageContaining("q1 needs one of the codes");
    }

    @Test
    void ypcoreReversesItems3And5And10() {
        // All "Not at all" (0): the three positive items score 4 each -> 12.
        assertThat(score("ypcore", all(10, 0)).value("total")).isEqualByComparingTo("12.0");
        // Each reversed item alone at "Most or all of the time" (4) scores 0.
        for (String reversed : new String[] {"q3", "q5", "q10"}) {
            Map<String, AnswerValue> a = all(10, 0);
            a.put(reversed, new AnswerValue.IntegerValue(4));
            assertThat(score("ypcore", a).value("total")).as(reversed).isEqualByComparingTo("8.0");
        }
        // A non-reversed item counts as given.
        Map<String, AnswerValue> a = all(10, 0);
        a.put("q1", new AnswerValue.IntegerValue(4));
        assertThat(score("ypcore", a).value("total")).isEqualByComparingTo("16.0");
    }

    @Test
    void ypcoreProratesWithOneItemMissingToOneDecimalHalfAwayFromZero() {
        // 9 answered: q1 = 1, the rest 0 except reversed items at 4 (score 0): raw 1 -> 1 x 10 / 9 = 1.111 -> 1.1
        Map<String, AnswerValue> a = positions("q1", 1, "q2", 0, "q3", 4, "q4", 0, "q5", 4, "q6", 0, "q7", 0, "q8", 0,
                "q10", 4);
        ScaleScore t = score("ypcore", a).scale("total").orElseThrow();
        assertThat(t.value()).isEqualByComparingTo("1.1");
        assertThat(t.prorated()).isTrue();
        assertThat(t.answered()).isEqualTo(9);
        // raw 5 on 9 items -> 5.5555 -> 5.6 ; raw 3.15 never happens, but 1.25 -> 1.3 half away: 9 items raw 1.125? No:
        a.put("q1", new AnswerValue.IntegerValue(4));
        a.put("q2", new AnswerValue.IntegerValue(1));
        assertThat(score("ypcore", a).value("total")).isEqualByComparingTo("5.6");
    }

    @Test
    void ypcoreWithTwoItemsMissingIsMissing() {
        Map<String, AnswerValue> a = all(10, 1);
        a.remove("q1");
        a.remove("q2");
        assertThat(score("ypcore", a).scale("total").orElseThrow().missing().reason())
                .isEqualTo(MissingReason.TOO_FEW_ANSWERS);
    }

    @Test
    void ypcoreItem4RaisesRiskAlert() {
        Map<String, AnswerValue> a = all(10, 0);
        a.put("q4", new AnswerValue.IntegerValue(1));
        assertThat(score("ypcore", a).alerts()).extracting(al -> al.code()).containsExactly("ypcore-item4");
    }

    @Test
    void gboReportsEachGoalAndTheMeanOfTheGoalsRated() {
        ScoreSet s = score("gbo", positions("goal-1", 3, "goal-2", 5, "goal-3", 6));
        assertThat(s.value("goal_1")).isEqualByComparingTo("3");
        assertThat(s.value("mean")).isEqualByComparingTo("4.67");
        ScoreSet two = score("gbo", positions("goal-1", 3, "goal-2", 4));
        assertThat(two.value("mean")).isEqualByComparingTo("3.50");
        assertThat(two.scale("goal_3").orElseThrow().missing().reason()).isEqualTo(MissingReason.TOO_FEW_ANSWERS);
        assertThat(score("gbo", Map.of()).scale("mean").orElseThrow().missing().reason())
                .isEqualTo(MissingReason.COMPONENT_MISSING);
    }

    @Test
    void gboRejectsARatingAboveTen() {
        assertThatThrownBy(() -> score("gbo", positions("goal-1", 11)))
                .hasMessage("gbo: item goal-1 needs a number from 0 to 10, got 11");
    }

    /** n items whose positions (0-3) add up to total. */
    static Map<String, AnswerValue> spread(int n, int total) {
        Map<String, AnswerValue> a = all(n, 0);
        int left = total;
        for (int i = 1; i <= n && left > 0; i++) {
            int v = Math.min(3, left);
            a.put("q" + i, new AnswerValue.IntegerValue(v));
            left -= v;
        }
        return a;
    }
}
