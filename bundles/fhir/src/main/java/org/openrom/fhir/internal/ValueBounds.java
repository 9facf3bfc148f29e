package org.openrom.fhir.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Limits on an answer: minValue/maxValue extensions (numbers for integer and decimal items, dates for date
 * items) and maxLength for string and text items (0 = no limit).
 */
public record ValueBounds(
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable LocalDate minDate,
        @Nullable LocalDate maxDate,
        int maxLength) {

    /** No limits. */
    public static final ValueBounds NONE = new ValueBounds(null, null, null, null, 0);
}
