package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.scoring.internal.TestScoring.all;
import static org.openrom.scoring.internal.TestScoring.dec;
import static org.openrom.scoring.internal.TestScoring.positions;
import static org.openrom.scoring.internal.TestScoring.score;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.AlertKind;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScoreSet;

/** ESQ, ORS/CORS/SRS/CSRS, SFQ and Current View (MEASURES.md §6, §7, §9, §10). */
class OtherMeasuresTest {

    @Test
    void esqScoresCertainlyTwoPartlyOneNotZero() {
        ScoreSet all = score("esq-p", all(12, 0)); // every item Certainly true
        assertThat(all.value("care")).isEqualByComparingTo("18");
        assertThat(all.value("environment")).isEqualByComparingTo("6");
        Map<String, AnswerValue> a = all(12, 2); // Not true
        a.put("q8", new AnswerValue.IntegerValue(1));
        assertThat(score("esq-yp", a).value("environment")).isEqualByComparingTo("1");
        assertThat(score("esq-yp", a).value("care")).isEqualByComparingTo("0");
    }

    @Test
    void esqDontKnowIsMissingNotZero() {
        Map<String, AnswerValue> a = all(12, 0);
        a.put("q12", new AnswerValue.IntegerValue(3)); // Don't know
        ScoreSet s = score("esq-c", a);
        assertThat(s.value("care")).isNull();
        assertThat(s.scale("care").orElseThrow().missing().detail()).isEqualTo("care: 8 of 9 items answered, 9 needed");
        assertThat(s.value("environment")).isEqualByComparingTo("6");
        assertThat(s.itemValues()).containsEntry("q12", dec("3")); // item-level answer kept for % reporting
    }

    @Test
    void orsSumsTheFourLinesToOneDecimal() {
        ScoreSet s = score("ors", positions("individual", dec("7.5"), "interpersonal", dec("3.2"), "social", 10,
                "overall", dec("0.1")));
        assertThat(s.value("total")).isEqualByComparingTo("20.8");
        assertThat(s.value("interpersonal")).isEqualByComparingTo("3.2");
        ScoreSet three = score("cors", positions("individual", dec("7.5"), "interpersonal", dec("3.2"), "social", 10));
        assertThat(three.scale("total").orElseThrow().missing().reason()).isEqualTo(MissingReason.COMPONENT_MISSING);
    }

    @Test
    void srsBelowThirtySixOrAnyLineBelowNinePromptsDiscussion() {
        ScoreSet fine = score("srs", positions("relationship", 9, "goals-topics", 9, "approach-method", 9, "overall", 9));
        assertThat(fine.value("total")).isEqualByComparingTo("36");
        assertThat(fine.alerts()).isEmpty();
        ScoreSet low = score("csrs", positions("relationship", dec("8.9"), "goals-topics", 10, "approach-method", 10,
                "overall", 10));
        assertThat(low.alerts()).extracting(a -> a.code()).containsExactly("csrs-relationship");
        ScoreSet lowTotal = score("srs", positions("relationship", 9, "goals-topics", 9, "approach-method", 9,
                "overall", dec("8.9")));
        assertThat(lowTotal.alerts()).extracting(a -> a.code()).containsExactly("srs-total", "srs-overall");
        assertThat(lowTotal.alerts()).allMatch(a -> a.kind() == AlertKind.DISCUSSION);
    }

    @Test
    void sfqMeanNeedsAllFourItems() {
        assertThat(score("sfq", positions("q1", 4, "q2", 3, "q3", 4, "q4", 4)).value("mean")).isEqualByComparingTo("3.75");
        assertThat(score("sfq", positions("q1", 4, "q2", 3, "q3", 4)).value("mean")).isNull();
    }

    @Test
    void currentViewKeepsCodedAnswersAndHasNoScales() {
        ScoreSet s = score("current-view", positions("q1", 2, "q31", 0, "q50", 4));
        assertThat(s.scales()).isEmpty();
        assertThat(s.itemValues()).containsExactly(Map.entry("q1", dec("2")), Map.entry("q31", dec("0")),
                Map.entry("q50", dec("4")));
    }

    @Test
    void selfReportSdqUsesItsOwnBands() {
        ScoreSet s = score("sdq-s", SdqScoringTest.withScale("emotional", 6));
        assertThat(s.scale("emotional").orElseThrow().band("sdq-3band").label()).isEqualTo("borderline");
    }
}
