package org.openrom.scoring.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Sex;
import org.openrom.api.scoring.Source;

/** A clinical cut-off: the value is in the clinical range when it is {@code when} {@code value}. */
record CutoffRule(
        String scale,
        BigDecimal value,
        When when,
        @Nullable Integer ageMin,
        @Nullable Integer ageMax,
        @Nullable Sex sex,
        Source source) implements Demographic {

    enum When {
        AT_OR_ABOVE,
        ABOVE,
        AT_OR_BELOW,
        BELOW
    }

    boolean clinical(BigDecimal v) {
        int c = v.compareTo(value);
        return switch (when) {
            case AT_OR_ABOVE -> c >= 0;
            case ABOVE -> c > 0;
            case AT_OR_BELOW -> c <= 0;
            case BELOW -> c < 0;
        };
    }
}
