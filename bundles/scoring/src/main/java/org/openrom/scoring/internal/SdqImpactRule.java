package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrom.api.scoring.Missing;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;

/**
 * The SDQ impact supplement's skip rule, which the data cannot express: when the screening question ("does the
 * child have difficulties?") is answered "No", the impact items are skipped by design and the impact score is 0
 * (MEASURES.md §0.3, §1.4); when it is unanswered, the impact score is missing. Otherwise the scale is scored as
 * usual. Which item screens and which position means "No" come from the data.
 */
final class SdqImpactRule {
    static final String NAME = "sdq-impact-skip";

    private SdqImpactRule() {}

    /** The score the rule decides, or empty when the scale is to be scored from its items. */
    static Optional<ScaleScore> decide(ItemScaleRule scale, SkipRule rule, Map<String, BigDecimal> values) {
        BigDecimal screening = values.get(rule.screeningItem());
        if (screening == null) {
            return Optional.of(ScaleScorer.missing(scale, new Missing(MissingReason.SCREENING_UNANSWERED, scale.id()
                    + ": the screening question " + rule.screeningItem() + " was not answered"), 0));
        }
        if (screening.intValueExact() == rule.noPosition()) {
            int answered = (int) scale.items().stream().filter(values::containsKey).count();
            return Optional.of(new ScaleScore(scale.id(), BigDecimal.ZERO, null, answered, scale.items().size(), false,
                    List.of()));
        }
        return Optional.empty();
    }
}
