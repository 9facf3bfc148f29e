package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrom.api.fhir.AnswerValue;

/**
 * Turns answers into numbers: a choice answer becomes its option's position as printed (from 0), a numeric answer
 * its value. Rejects answers the Questionnaire does not allow, naming the item and the value.
 */
final class AnswerReader {
    private AnswerReader() {}

    /** The numeric value of each answered choice or numeric item, in Questionnaire order. */
    static Map<String, BigDecimal> values(Measure measure, Map<String, AnswerValue> answers) {
        for (String linkId : answers.keySet()) {
            QuestionnaireItem item = measure.items().get(linkId);
            if (item == null || !item.question()) {
                throw new IllegalArgumentException(measure.id() + ": no answerable item " + linkId);
            }
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (QuestionnaireItem item : measure.items().values()) {
            AnswerValue answer = answers.get(item.linkId());
            if (answer == null || item.readOnly()) {
                continue; // a calculated item's answer is the renderer's, never an input
            }
            if (item.choice()) {
                values.put(item.linkId(), BigDecimal.valueOf(position(measure, item, answer)));
            } else if (item.numeric()) {
                values.put(item.linkId(), number(measure, item, answer));
            } else {
                checkOther(measure, item, answer);
            }
        }
        return values;
    }

    private static int position(Measure m, QuestionnaireItem item, AnswerValue answer) {
        int options = item.optionCodes().size();
        if (answer instanceof AnswerValue.IntegerValue i) {
            if (i.value() < 0 || i.value() >= options) {
                throw bad(m, item, i.value(), "an option position 0.." + (options - 1));
            }
            return (int) i.value();
        }
        String code = answer instanceof AnswerValue.CodingValue c
                ? c.code()
                : answer instanceof AnswerValue.StringValue s ? s.value() : null;
        if (code == null) {
            throw bad(m, item, answer, "a coding, an option code or an option position");
        }
        int p = item.optionCodes().indexOf(code);
        if (p < 0) {
            throw bad(m, item, code, "one of the codes " + item.optionCodes());
        }
        return p;
    }

    private static BigDecimal number(Measure m, QuestionnaireItem item, AnswerValue answer) {
        BigDecimal v;
        if (answer instanceof AnswerValue.IntegerValue i) {
            v = BigDecimal.valueOf(i.value());
        } else if (answer instanceof AnswerValue.DecimalValue d && item.type().equals("decimal")) {
            v = d.value();
        } else {
            throw bad(m, item, answer, "a number of type " + item.type());
        }
        if ((item.minValue() != null && v.compareTo(item.minValue()) < 0)
                || (item.maxValue() != null && v.compareTo(item.maxValue()) > 0)) {
            throw bad(m, item, v.toPlainString(), "a number from " + item.minValue() + " to " + item.maxValue());
        }
        return v;
    }

    private static void checkOther(Measure m, QuestionnaireItem item, AnswerValue answer) {
        boolean ok = switch (item.type()) {
            case "string", "text" -> answer instanceof AnswerValue.StringValue;
            case "boolean" -> answer instanceof AnswerValue.BooleanValue;
            case "date" -> answer instanceof AnswerValue.DateValue;
            default -> false;
        };
        if (!ok) {
            // Never echo free text: it may identify the young person.
            throw new IllegalArgumentException(m.id() + ": item " + item.linkId() + " (" + item.type()
                    + ") cannot take a " + answer.getClass().getSimpleName());
        }
    }

    private static IllegalArgumentException bad(Measure m, QuestionnaireItem item, Object value, String expected) {
        return new IllegalArgumentException(
                m.id() + ": item " + item.linkId() + " needs " + expected + ", got " + value);
    }
}
