package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Change;
import org.openrom.api.scoring.ChangeVerdict;
import org.openrom.api.scoring.CutoffCrossing;
import org.openrom.api.scoring.ScaleChange;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.Sex;

/**
 * Change between two score sets of one measure (MEASURES.md §0.6, §11.2): reliable when |last − first| ≥ the
 * threshold (rounded up for integer scales), direction from the data; the clinical cut-off for each time point's
 * own age and sex; no threshold or cut-off in the data → not computable, with the reason.
 */
final class ChangeCalculator {
    private ChangeCalculator() {}

    static Change change(Measure measure, ScoreSet first, ScoreSet last) {
        if (!first.measureId().equals(measure.id()) || !last.measureId().equals(measure.id())) {
            throw new IllegalArgumentException("change needs two score sets of the same measure: "
                    + first.measureId() + " and " + last.measureId());
        }
        List<ScaleChange> changes = new ArrayList<>();
        for (String id : measure.rules().scaleIds()) {
            changes.add(scale(measure, id, first, last));
        }
        return new Change(measure.id(), measure.rules().headlineScale(), changes);
    }

    private static ScaleChange scale(Measure measure, String id, ScoreSet first, ScoreSet last) {
        MeasureRules rules = measure.rules();
        BigDecimal f = first.value(id);
        BigDecimal l = last.value(id);
        BigDecimal diff = f == null || l == null ? null : l.subtract(f);
        Optional<ThresholdRule> rule = rules.reliableChange().stream()
                .filter(t -> t.scale().equals(id) && t.appliesTo(first.ageYears(), first.sex()))
                .findFirst();
        BigDecimal threshold = rule.map(t -> rules.integerScale(id)
                        ? t.threshold().setScale(0, RoundingMode.CEILING)
                        : t.threshold())
                .orElse(null);
        ChangeVerdict verdict;
        String reason = null;
        if (diff == null) {
            verdict = ChangeVerdict.NOT_COMPUTABLE;
            reason = missingReason(first, last, id);
        } else if (threshold == null) {
            verdict = ChangeVerdict.NOT_COMPUTABLE;
            reason = noRule(rules.reliableChange(), id, first, "reliable-change threshold", measure.id());
        } else if (diff.abs().compareTo(threshold) < 0) {
            verdict = ChangeVerdict.NO_RELIABLE_CHANGE;
        } else {
            Direction dir = rules.direction(id).orElseThrow();
            verdict = dir.improves(diff.signum()) ? ChangeVerdict.RELIABLE_IMPROVEMENT : ChangeVerdict.RELIABLE_DETERIORATION;
        }
        Boolean inFirst = clinical(rules, id, f, first);
        Boolean inLast = clinical(rules, id, l, last);
        CutoffCrossing crossing;
        String crossingReason = null;
        if (inFirst == null || inLast == null) {
            crossing = CutoffCrossing.NOT_COMPUTABLE;
            crossingReason = f == null || l == null
                    ? missingReason(first, last, id)
                    : noRule(rules.cutoffs(), id, inFirst == null ? first : last, "clinical cut-off", measure.id());
        } else if (inFirst) {
            crossing = inLast ? CutoffCrossing.STAYED_IN_CLINICAL_RANGE : CutoffCrossing.LEFT_CLINICAL_RANGE;
        } else {
            crossing = inLast ? CutoffCrossing.ENTERED_CLINICAL_RANGE : CutoffCrossing.STAYED_OUT_OF_CLINICAL_RANGE;
        }
        return new ScaleChange(id, f, l, diff, threshold, rule.map(ThresholdRule::source).orElse(null), verdict, reason,
                crossing, crossingReason);
    }

    /** Whether a value is in the clinical range; null when the value is missing or no cut-off applies. */
    static @Nullable Boolean clinical(MeasureRules rules, String id, @Nullable BigDecimal v, ScoreSet at) {
        if (v == null) {
            return null;
        }
        return rules.cutoffs().stream()
                .filter(c -> c.scale().equals(id) && c.appliesTo(at.ageYears(), at.sex()))
                .findFirst()
                .map(c -> c.clinical(v))
                .orElse(null);
    }

    private static String missingReason(ScoreSet first, ScoreSet last, String id) {
        ScaleScore missing = first.value(id) == null ? first.scale(id).orElseThrow() : last.scale(id).orElseThrow();
        String when = first.value(id) == null ? "first" : "last";
        return "the " + when + " " + id + " score is missing"
                + (missing.missing() == null ? "" : " (" + missing.missing().detail() + ")");
    }

    private static String noRule(List<? extends Demographic> rules, String id, ScoreSet at, String what, String m) {
        List<? extends Demographic> forScale = rules.stream()
                .filter(r -> (r instanceof ThresholdRule t ? t.scale() : ((CutoffRule) r).scale()).equals(id))
                .toList();
        if (forScale.isEmpty()) {
            return "the rules of " + m + " give no " + what + " for " + id;
        }
        Integer age = at.ageYears();
        Sex sex = at.sex();
        return "the rules of " + m + " give no " + what + " for " + id + " at age "
                + (age == null ? "unknown" : age) + ", sex " + sex.jsonName();
    }
}
