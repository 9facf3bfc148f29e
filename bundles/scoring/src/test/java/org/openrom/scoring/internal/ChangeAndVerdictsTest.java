package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.scoring.internal.FreeMeasuresTest.spread;
import static org.openrom.scoring.internal.TestScoring.PLAIN;
import static org.openrom.scoring.internal.TestScoring.all;
import static org.openrom.scoring.internal.TestScoring.positions;
import static org.openrom.scoring.internal.TestScoring.score;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrom.api.scoring.CaseVerdict;
import org.openrom.api.scoring.Change;
import org.openrom.api.scoring.ChangeVerdict;
import org.openrom.api.scoring.CutoffCrossing;
import org.openrom.api.scoring.Recovery;
import org.openrom.api.scoring.ScaleChange;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.Sex;
import org.openrom.api.scoring.TalkingTherapiesOutcome;

/** Reliable change, cut-off crossing, CORC's case verdict and NHS Talking Therapies (MEASURES.md §0.6, §8, §11.2). */
class ChangeAndVerdictsTest {

    static Change phq9(int first, int last) {
        return PLAIN.change(score("phq9", spread(9, first)), score("phq9", spread(9, last)));
    }

    static Change gad7(int first, int last) {
        return PLAIN.change(score("gad7", spread(7, first)), score("gad7", spread(7, last)));
    }

    @Test
    void aChangeExactlyAtTheThresholdIsReliable() {
        ScaleChange c = phq9(15, 9).headline().orElseThrow();
        assertThat(c.difference()).isEqualByComparingTo("-6");
        assertThat(c.threshold()).isEqualByComparingTo("6");
        assertThat(c.verdict()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
        assertThat(phq9(15, 10).headline().orElseThrow().verdict()).isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
        assertThat(phq9(9, 15).headline().orElseThrow().verdict()).isEqualTo(ChangeVerdict.RELIABLE_DETERIORATION);
        assertThat(gad7(10, 6).headline().orElseThrow().verdict()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
        assertThat(gad7(10, 7).headline().orElseThrow().verdict()).isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
    }

    @Test
    void crossingTheCutoffIsRecoveryAndWithReliableImprovementReliableRecovery() {
        ScaleChange c = phq9(15, 9).headline().orElseThrow();
        assertThat(c.crossing()).isEqualTo(CutoffCrossing.LEFT_CLINICAL_RANGE);
        assertThat(c.recovery()).isTrue();
        assertThat(c.reliableRecovery()).isTrue();
        ScaleChange small = phq9(11, 9).headline().orElseThrow(); // crosses 10 but only by 2
        assertThat(small.recovery()).isTrue();
        assertThat(small.reliableRecovery()).isFalse();
        assertThat(phq9(9, 10).headline().orElseThrow().crossing()).isEqualTo(CutoffCrossing.ENTERED_CLINICAL_RANGE);
    }

    @Test
    void integerScalesRoundTheThresholdUpGboPerGoalAndMean() {
        Change goal = PLAIN.change(score("gbo", positions("goal-1", 3)), score("gbo", positions("goal-1", 6)));
        ScaleChange g1 = goal.scale("goal_1").orElseThrow();
        assertThat(g1.threshold()).isEqualByComparingTo("3"); // ceil(2.45)
        assertThat(g1.verdict()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
        Change two = PLAIN.change(score("gbo", positions("goal-1", 3)), score("gbo", positions("goal-1", 5)));
        assertThat(two.scale("goal_1").orElseThrow().verdict()).isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
        // the mean is not an integer scale: 7/3 = 2.33 is not reliable, 8/3 = 2.67 is
        ScoreSet start = score("gbo", positions("goal-1", 1, "goal-2", 1, "goal-3", 1));
        ScaleChange m7 = PLAIN.change(start, score("gbo", positions("goal-1", 3, "goal-2", 4, "goal-3", 3)))
                .scale("mean").orElseThrow();
        assertThat(m7.threshold()).isEqualByComparingTo("2.45");
        assertThat(m7.verdict()).isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
        assertThat(PLAIN.change(start, score("gbo", positions("goal-1", 4, "goal-2", 3, "goal-3", 4))).scale("mean")
                .orElseThrow().verdict()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
    }

    @Test
    void noThresholdInTheDataIsNotComputableWithTheReason() {
        Change c = PLAIN.change(score("ypcore", all(10, 3)), score("ypcore", all(10, 1)));
        ScaleChange t = c.headline().orElseThrow();
        assertThat(t.verdict()).isEqualTo(ChangeVerdict.NOT_COMPUTABLE);
        assertThat(t.verdictReason()).isEqualTo("the rules of ypcore give no reliable-change threshold for total");
        assertThat(t.crossing()).isEqualTo(CutoffCrossing.NOT_COMPUTABLE);
        assertThat(t.difference()).isNotNull();
    }

    @Test
    void sdqTotalHasCrossingButNoReliableChangeUntilAThresholdIsConfirmed() {
        Change c = PLAIN.change(score("sdq-p", SdqScoringTest.withScale("total_difficulties", 17)),
                score("sdq-p", SdqScoringTest.withScale("total_difficulties", 13)));
        ScaleChange t = c.headline().orElseThrow();
        assertThat(t.verdict()).isEqualTo(ChangeVerdict.NOT_COMPUTABLE);
        assertThat(t.crossing()).isEqualTo(CutoffCrossing.LEFT_CLINICAL_RANGE);
        ScaleChange pro = c.scale("prosocial").orElseThrow(); // both 0: at or below 5 -> stayed in
        assertThat(pro.crossing()).isEqualTo(CutoffCrossing.STAYED_IN_CLINICAL_RANGE);
    }

    @Test
    void orsThresholdAndCutoffDependOnAge() {
        ScoreSet first = PLAIN.score(new org.openrom.api.scoring.ScoringRequest("ors",
                positions("individual", 5, "interpersonal", 5, "social", 5, "overall", 5), 15, Sex.MALE));
        ScoreSet last = PLAIN.score(new org.openrom.api.scoring.ScoringRequest("ors",
                positions("individual", 7, "interpersonal", 7, "social", 6, "overall", 6), 15, Sex.MALE));
        ScaleChange t = PLAIN.change(first, last).headline().orElseThrow();
        assertThat(t.threshold()).isEqualByComparingTo("6");
        assertThat(t.verdict()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
        assertThat(t.crossing()).isEqualTo(CutoffCrossing.STAYED_IN_CLINICAL_RANGE); // 26 < 28
        ScoreSet noAge = PLAIN.score(new org.openrom.api.scoring.ScoringRequest("ors",
                positions("individual", 5, "interpersonal", 5, "social", 5, "overall", 5), null, Sex.MALE));
        ScaleChange u = PLAIN.change(noAge, last).headline().orElseThrow();
        assertThat(u.verdict()).isEqualTo(ChangeVerdict.NOT_COMPUTABLE);
        assertThat(u.verdictReason()).isEqualTo(
                "the rules of ors give no reliable-change threshold for total at age unknown, sex male");
    }

    @Test
    void aMissingScoreMakesTheVerdictNotComputable() {
        ScaleChange c = PLAIN.change(score("phq9", positions("q1", 3)), score("phq9", spread(9, 3))).headline().orElseThrow();
        assertThat(c.verdict()).isEqualTo(ChangeVerdict.NOT_COMPUTABLE);
        assertThat(c.verdictReason()).startsWith("the first total score is missing (total: 1 of 9 items answered");
    }

    @Test
    void changeNeedsOneMeasure() {
        assertThatThrownBy(() -> PLAIN.change(score("phq9", all(9, 0)), score("gad7", all(7, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change needs two score sets of the same measure: phq9 and gad7");
    }

    @Test
    void corcCaseVerdict() {
        assertThat(PLAIN.caseVerdict(List.of(phq9(15, 9), gad7(10, 8))).verdict())
                .isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
        assertThat(PLAIN.caseVerdict(List.of(phq9(15, 9), gad7(5, 9))).verdict())
                .isEqualTo(ChangeVerdict.RELIABLE_DETERIORATION);
        assertThat(PLAIN.caseVerdict(List.of(phq9(15, 12), gad7(5, 7))).verdict())
                .isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
        Change yp = PLAIN.change(score("ypcore", all(10, 3)), score("ypcore", all(10, 1)));
        CaseVerdict onlyYp = PLAIN.caseVerdict(List.of(yp));
        assertThat(onlyYp.verdict()).isEqualTo(ChangeVerdict.NOT_COMPUTABLE);
        assertThat(onlyYp.notes()).singleElement().asString().startsWith("ypcore total: not computable");
        assertThat(PLAIN.caseVerdict(List.of(yp, phq9(15, 14))).verdict()).isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
    }

    @Test
    void talkingTherapiesReliableRecovery() {
        TalkingTherapiesOutcome t = PLAIN.talkingTherapies(phq9(15, 8), gad7(10, 7));
        assertThat(t.caseAtFirst()).isTrue();
        assertThat(t.caseAtLast()).isFalse();
        assertThat(t.reliableChange()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
        assertThat(t.recovery()).isEqualTo(Recovery.RECOVERED);
        assertThat(t.reliableRecovery()).isTrue();
    }

    @Test
    void talkingTherapiesCasenessIsEitherMeasureAtItsCutoff() {
        TalkingTherapiesOutcome stillCase = PLAIN.talkingTherapies(phq9(15, 8), gad7(10, 8)); // GAD-7 8 = case
        assertThat(stillCase.caseAtLast()).isTrue();
        assertThat(stillCase.recovery()).isEqualTo(Recovery.NOT_RECOVERED);
        assertThat(stillCase.reliableRecovery()).isFalse();
        TalkingTherapiesOutcome notCase = PLAIN.talkingTherapies(phq9(9, 3), gad7(7, 2));
        assertThat(notCase.recovery()).isEqualTo(Recovery.NOT_A_CASE_AT_FIRST);
        assertThat(notCase.reliableChange()).isEqualTo(ChangeVerdict.RELIABLE_IMPROVEMENT);
    }

    @Test
    void talkingTherapiesMixedChangeIsNeitherAndDeteriorationOnEitherCounts() {
        TalkingTherapiesOutcome mixed = PLAIN.talkingTherapies(phq9(15, 8), gad7(5, 9));
        assertThat(mixed.reliableChange()).isEqualTo(ChangeVerdict.NO_RELIABLE_CHANGE);
        assertThat(mixed.notes()).anyMatch(n -> n.startsWith("one measure reliably improved"));
        assertThat(PLAIN.talkingTherapies(phq9(5, 11), gad7(5, 6)).reliableChange())
                .isEqualTo(ChangeVerdict.RELIABLE_DETERIORATION);
    }

    @Test
    void talkingTherapiesNeedsBothCompleteTotals() {
        Change partial = PLAIN.change(score("phq9", positions("q1", 3)), score("phq9", spread(9, 3)));
        TalkingTherapiesOutcome t = PLAIN.talkingTherapies(partial, gad7(10, 5));
        assertThat(t.reliableChange()).isEqualTo(ChangeVerdict.NOT_COMPUTABLE);
        assertThat(t.recovery()).isEqualTo(Recovery.NOT_COMPUTABLE);
        assertThat(t.caseAtFirst()).isNull();
        assertThatThrownBy(() -> PLAIN.talkingTherapies(gad7(1, 2), phq9(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
