package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Source;

/**
 * A scale computed from items.
 *
 * @param method SUM: sum, prorated as mean(answered) x items when fewer are answered; MEAN: mean of the answered
 * @param weights item score by option position; a null entry means that option counts as missing ("Don't know");
 *     null list = the position itself
 * @param reversed items scored as itemMax - score
 * @param minAnswered the fewest answered items that still give a value
 * @param decimals places kept, rounded half away from zero
 * @param rule a named code rule that can decide the value first (e.g. {@code sdq-impact-skip}); null when none
 */
record ItemScaleRule(
        String id,
        Method method,
        List<String> items,
        Set<String> reversed,
        @Nullable List<@Nullable BigDecimal> weights,
        int minAnswered,
        int decimals,
        BigDecimal min,
        BigDecimal max,
        Direction direction,
        Source source,
        @Nullable SkipRule rule) {

    enum Method {
        SUM,
        MEAN
    }
}
