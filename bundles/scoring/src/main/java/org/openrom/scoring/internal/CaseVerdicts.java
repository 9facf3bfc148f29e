package org.openrom.scoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.CaseVerdict;
import org.openrom.api.scoring.Change;
import org.openrom.api.scoring.ChangeVerdict;
import org.openrom.api.scoring.CutoffCrossing;
import org.openrom.api.scoring.Recovery;
import org.openrom.api.scoring.ScaleChange;
import org.openrom.api.scoring.TalkingTherapiesOutcome;

/** The multi-measure verdicts: CORC's (MEASURES.md §11.2) and NHS Talking Therapies' PHQ-9 + GAD-7 (§8). */
final class CaseVerdicts {
    private CaseVerdicts() {}

    static CaseVerdict corc(List<Change> changes) {
        List<ScaleChange> considered = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean improved = false;
        boolean deteriorated = false;
        boolean computable = false;
        for (Change c : changes) {
            Optional<ScaleChange> h = c.headline();
            if (h.isEmpty()) {
                notes.add(c.measureId() + ": no headline scale, not part of the verdict");
                continue;
            }
            ScaleChange s = h.get();
            considered.add(s);
            switch (s.verdict()) {
                case RELIABLE_IMPROVEMENT -> improved = true;
                case RELIABLE_DETERIORATION -> deteriorated = true;
                case NO_RELIABLE_CHANGE -> { }
                case NOT_COMPUTABLE -> notes.add(c.measureId() + " " + s.scale() + ": not computable: " + s.verdictReason());
            }
            computable |= s.verdict() != ChangeVerdict.NOT_COMPUTABLE;
        }
        ChangeVerdict verdict = deteriorated
                ? ChangeVerdict.RELIABLE_DETERIORATION
                : improved ? ChangeVerdict.RELIABLE_IMPROVEMENT
                : computable ? ChangeVerdict.NO_RELIABLE_CHANGE : ChangeVerdict.NOT_COMPUTABLE;
        return new CaseVerdict(verdict, considered, notes);
    }

    /**
     * @param deteriorationNeedsNoImprovement the [M] clause, from the data: reliable deterioration only when the
     *     other measure did not reliably improve
     */
    static TalkingTherapiesOutcome talkingTherapies(Change phq9, Change gad7, boolean deteriorationNeedsNoImprovement) {
        if (!phq9.measureId().equals("phq9") || !gad7.measureId().equals("gad7")) {
            throw new IllegalArgumentException("Talking Therapies needs a phq9 and a gad7 change, got "
                    + phq9.measureId() + " and " + gad7.measureId());
        }
        ScaleChange d = phq9.scale("total").orElseThrow();
        ScaleChange a = gad7.scale("total").orElseThrow();
        List<String> notes = new ArrayList<>();
        ChangeVerdict verdict;
        if (d.verdict() == ChangeVerdict.NOT_COMPUTABLE || a.verdict() == ChangeVerdict.NOT_COMPUTABLE) {
            verdict = ChangeVerdict.NOT_COMPUTABLE;
            for (ScaleChange s : List.of(d, a)) {
                if (s.verdict() == ChangeVerdict.NOT_COMPUTABLE) {
                    notes.add((s == d ? "phq9" : "gad7") + " total: " + s.verdictReason());
                }
            }
        } else {
            boolean imp = d.verdict() == ChangeVerdict.RELIABLE_IMPROVEMENT || a.verdict() == ChangeVerdict.RELIABLE_IMPROVEMENT;
            boolean det = d.verdict() == ChangeVerdict.RELIABLE_DETERIORATION || a.verdict() == ChangeVerdict.RELIABLE_DETERIORATION;
            if (imp && !det) {
                verdict = ChangeVerdict.RELIABLE_IMPROVEMENT;
            } else if (det && !(imp && deteriorationNeedsNoImprovement)) {
                verdict = ChangeVerdict.RELIABLE_DETERIORATION;
            } else {
                verdict = ChangeVerdict.NO_RELIABLE_CHANGE;
                if (imp) {
                    notes.add("one measure reliably improved and the other reliably deteriorated: neither reliable "
                            + "improvement nor reliable deterioration");
                }
            }
        }
        @Nullable Boolean caseFirst = caseness(d, a, true);
        @Nullable Boolean caseLast = caseness(d, a, false);
        Recovery recovery;
        if (caseFirst == null || caseLast == null) {
            recovery = Recovery.NOT_COMPUTABLE;
            notes.add("recovery needs both totals at both times: " + (d.crossingReason() != null ? d.crossingReason()
                    : a.crossingReason()));
        } else if (!caseFirst) {
            recovery = Recovery.NOT_A_CASE_AT_FIRST;
        } else {
            recovery = caseLast ? Recovery.NOT_RECOVERED : Recovery.RECOVERED;
        }
        boolean reliableRecovery = recovery == Recovery.RECOVERED && verdict == ChangeVerdict.RELIABLE_IMPROVEMENT;
        return new TalkingTherapiesOutcome(caseFirst, caseLast, verdict, recovery, reliableRecovery, d, a, notes);
    }

    /** Caseness (PHQ-9 at or above its cut-off or GAD-7 at or above its cut-off); null when either is unknown. */
    private static @Nullable Boolean caseness(ScaleChange d, ScaleChange a, boolean atFirst) {
        @Nullable Boolean dc = inClinical(d.crossing(), atFirst);
        @Nullable Boolean ac = inClinical(a.crossing(), atFirst);
        return dc == null || ac == null ? null : dc || ac;
    }

    private static @Nullable Boolean inClinical(CutoffCrossing c, boolean atFirst) {
        return switch (c) {
            case LEFT_CLINICAL_RANGE -> atFirst;
            case ENTERED_CLINICAL_RANGE -> !atFirst;
            case STAYED_IN_CLINICAL_RANGE -> true;
            case STAYED_OUT_OF_CLINICAL_RANGE -> false;
            case NOT_COMPUTABLE -> null;
        };
    }
}
