package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Scores, verdicts and dates in the words the pages use. */
final class Words {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Words() {}

    /** {@code total_difficulties} → "Total difficulties"; {@code depression_t} → "Depression (T-score)". */
    static String scale(String id) {
        boolean t = id.endsWith("_t");
        String base = (t ? id.substring(0, id.length() - 2) : id).replace('_', ' ');
        String words = base.isEmpty() ? id : Character.toUpperCase(base.charAt(0)) + base.substring(1);
        return t ? words + " (T-score)" : words;
    }

    /** A JSON number as written (exact decimal), or an em dash for null. */
    static String number(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "\u2014" : n.decimalValue().stripTrailingZeros().toPlainString();
    }

    static String verdict(JsonNode change) {
        return switch (change.path("verdict").asText()) {
            case "RELIABLE_IMPROVEMENT" -> "Reliable improvement";
            case "RELIABLE_DETERIORATION" -> "Reliable deterioration";
            case "NO_RELIABLE_CHANGE" -> "No reliable change";
            default -> "Reliable change cannot be computed: " + change.path("verdictReason").asText("no reason given");
        };
    }

    static String crossing(JsonNode change) {
        return switch (change.path("crossing").asText()) {
            case "LEFT_CLINICAL_RANGE" -> "Moved out of the clinical range (\u201crecovery\u201d)";
            case "ENTERED_CLINICAL_RANGE" -> "Moved into the clinical range";
            case "STAYED_IN_CLINICAL_RANGE" -> "In the clinical range both times";
            case "STAYED_OUT_OF_CLINICAL_RANGE" -> "Outside the clinical range both times";
            default -> "Cut-off crossing cannot be computed: " + change.path("crossingReason").asText("no reason given");
        };
    }

    static String date(Instant at, ZoneId zone) {
        return DATE.format(at.atZone(zone));
    }

    static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }
}
