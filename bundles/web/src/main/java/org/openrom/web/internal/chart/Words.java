package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openrom.api.scoring.Band;
import org.openrom.api.scoring.ChangeVerdict;
import org.openrom.api.scoring.ScaleScore;

/** How charts say things: dates, scale and informant names, verdicts. */
final class Words {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Words() {}

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** {@code total_difficulties} → "Total difficulties"; {@code depression_t} → "Depression (T-score)". */
    static String scale(String id) {
        boolean t = id.endsWith("_t");
        String base = (t ? id.substring(0, id.length() - 2) : id).replace('_', ' ');
        String words = base.isEmpty() ? id : Character.toUpperCase(base.charAt(0)) + base.substring(1);
        return t ? words + " (T-score)" : words;
    }

    /** The rules' informant as people say it: {@code self} is the young person. */
    static String informant(String informant) {
        return switch (informant) {
            case "self" -> "Young person";
            case "parent" -> "Parent";
            case "teacher" -> "Teacher";
            case "" -> "Informant not stated";
            default -> Character.toUpperCase(informant.charAt(0)) + informant.substring(1);
        };
    }

    static String verdict(ChangeVerdict v) {
        return switch (v) {
            case RELIABLE_IMPROVEMENT -> "Reliable improvement";
            case RELIABLE_DETERIORATION -> "Reliable deterioration";
            case NO_RELIABLE_CHANGE -> "No reliable change";
            case NOT_COMPUTABLE -> "Cannot be computed";
        };
    }

    static String kind(ChangeVerdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String number(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String signed(BigDecimal v) {
        int sign = v.signum();
        return (sign > 0 ? "+" : sign < 0 ? "−" : "") + number(v.abs());
    }

    /** Every band of a score with its scheme, e.g. "moderate (phq9-severity)". */
    static String bands(ScaleScore s) {
        return s.bands().stream().map((Band b) -> b.label() + " (" + b.scheme() + ")").collect(Collectors.joining("; "));
    }

    /** A DOM id made of the parts: lower case, digits and '-'. */
    static String domId(String... parts) {
        return String.join("-", parts).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
