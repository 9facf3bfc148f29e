package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Half away from zero (SPSS RND, MEASURES.md §0.2): 2.5 → 3, 7.5 → 8, −2.5 → −3. {@link RoundingMode#HALF_UP} on
 * BigDecimal is exactly this; never banker's rounding.
 */
final class Rounding {
    /** Places kept for intermediate quotients; far below any half-way point a ratio of small counts can hit. */
    static final int WORKING_SCALE = 12;

    private Rounding() {}

    static BigDecimal halfAwayFromZero(BigDecimal v, int decimals) {
        return v.setScale(decimals, RoundingMode.HALF_UP);
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, WORKING_SCALE, RoundingMode.HALF_UP);
    }
}
