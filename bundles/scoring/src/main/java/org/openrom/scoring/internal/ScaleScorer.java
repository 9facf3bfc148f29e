package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Missing;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;

/** Scores an item scale: weights, reversal, minimum answered, proration, rounding — all from the data. */
final class ScaleScorer {
    private ScaleScorer() {}

    static ScaleScore score(ItemScaleRule scale, @Nullable BigDecimal itemMax, Map<String, BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        int answered = 0;
        for (String linkId : scale.items()) {
            BigDecimal v = values.get(linkId);
            BigDecimal score = v == null ? null : itemScore(scale, itemMax, linkId, v);
            if (score != null) {
                sum = sum.add(score);
                answered++;
            }
        }
        int n = scale.items().size();
        if (answered < scale.minAnswered()) {
            return missing(scale, new Missing(MissingReason.TOO_FEW_ANSWERS, scale.id() + ": " + answered + " of " + n
                    + " items answered, " + scale.minAnswered() + " needed"), answered);
        }
        BigDecimal value = switch (scale.method()) {
            case SUM -> answered == n ? sum : Rounding.divide(sum.multiply(BigDecimal.valueOf(n)), BigDecimal.valueOf(answered));
            case MEAN -> Rounding.divide(sum, BigDecimal.valueOf(answered));
        };
        value = Rounding.halfAwayFromZero(value, scale.decimals());
        return new ScaleScore(scale.id(), value, null, answered, n, answered < n, List.of());
    }

    static ScaleScore missing(ItemScaleRule scale, Missing why, int answered) {
        return new ScaleScore(scale.id(), null, why, answered, scale.items().size(), false, List.of());
    }

    /** The item's score, or null when its answer counts as missing (e.g. "Don't know"). */
    private static @Nullable BigDecimal itemScore(
            ItemScaleRule scale, @Nullable BigDecimal itemMax, String linkId, BigDecimal value) {
        BigDecimal score = value;
        if (scale.weights() != null) {
            score = scale.weights().get(value.intValueExact());
            if (score == null) {
                return null;
            }
        }
        if (scale.reversed().contains(linkId)) {
            if (itemMax == null) {
                throw new IllegalStateException("scale " + scale.id() + " reverses " + linkId + " without itemMax");
            }
            score = itemMax.subtract(score);
        }
        return score;
    }
}
