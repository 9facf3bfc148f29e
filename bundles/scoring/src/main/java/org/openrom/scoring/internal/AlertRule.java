package org.openrom.scoring.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.AlertKind;
import org.openrom.api.scoring.Source;

/** Raise an alert when an item's answer (position as printed, or number) or a scale is above/below a value. */
record AlertRule(
        String id,
        AlertKind kind,
        @Nullable String item,
        @Nullable String scale,
        @Nullable BigDecimal above,
        @Nullable BigDecimal below,
        String message,
        Source source) {

    boolean fires(BigDecimal v) {
        return (above != null && v.compareTo(above) > 0) || (below != null && v.compareTo(below) < 0);
    }
}
