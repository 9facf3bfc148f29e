package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Sex;

/**
 * A clinical cut-off from the rules: a value is in the clinical range when it is {@code clinicalWhen}
 * ({@code at_or_above}, {@code above}, {@code at_or_below}, {@code below}) the value.
 */
record Cutoff(String scale, BigDecimal value, String clinicalWhen, @Nullable Integer ageMin,
        @Nullable Integer ageMax, @Nullable String sex, String source) {

    Cutoff {
        if (!clinicalWhen.matches("at_or_above|above|at_or_below|below")) {
            throw new IllegalArgumentException("cut-off of " + scale + ": unknown clinicalWhen '" + clinicalWhen + "'");
        }
    }

    boolean appliesTo(@Nullable Integer age, Sex who) {
        if ((ageMin != null || ageMax != null) && age == null) {
            return false;
        }
        if (ageMin != null && age < ageMin || ageMax != null && age > ageMax) {
            return false;
        }
        return sex == null || sex.equalsIgnoreCase(who.jsonName());
    }

    /** True when the clinical range lies above the value (the band is drawn from the value up). */
    boolean clinicalAbove() {
        return clinicalWhen.endsWith("above");
    }

    /** E.g. {@code ≥ 10}, {@code < 28}. */
    String rangeText() {
        String op = switch (clinicalWhen) {
            case "at_or_above" -> "≥";
            case "above" -> ">";
            case "at_or_below" -> "≤";
            default -> "<";
        };
        return op + " " + value.stripTrailingZeros().toPlainString();
    }

    String sourceText() {
        return source.toUpperCase(Locale.ROOT);
    }
}
