package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import org.openrom.api.scoring.Source;

/**
 * A scale computed from other scales: SUM needs every component; MEAN needs at least {@code minPresent}.
 */
record DerivedScaleRule(
        String id,
        ItemScaleRule.Method method,
        List<String> of,
        int minPresent,
        int decimals,
        BigDecimal min,
        BigDecimal max,
        Direction direction,
        Source source) {}
