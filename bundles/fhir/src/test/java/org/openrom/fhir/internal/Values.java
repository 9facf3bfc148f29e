package org.openrom.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.openrom.api.fhir.AnswerValue;

/** Random answer values as FHIR JSON ({"valueX": …}), valid for an item or deliberately not. */
final class Values {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random;

    Values(Random random) {
        this.random = random;
    }

    ObjectNode valid(ItemRule rule) {
        ObjectNode v = JSON.createObjectNode();
        ValueBounds b = rule.bounds();
        switch (rule.type()) {
            case CHOICE -> {
                List<Option> options = rule.options().stream()
                        .sorted(java.util.Comparator.comparing(Option::code)).toList();
                Option o = options.get(random.nextInt(options.size()));
                ObjectNode c = v.putObject("valueCoding");
                if (o.system() != null) {
                    c.put("system", o.system());
                }
                c.put("code", o.code());
            }
            case INTEGER -> {
                long min = b.min() == null ? 0 : b.min().longValueExact();
                long max = b.max() == null ? 20 : b.max().longValueExact();
                v.put("valueInteger", min + random.nextInt((int) (max - min + 1)));
            }
            case DECIMAL -> {
                BigDecimal min = b.min() == null ? BigDecimal.ZERO : b.min();
                BigDecimal max = b.max() == null ? BigDecimal.valueOf(20) : b.max();
                int tenths = max.subtract(min).movePointRight(1).intValue();
                v.put("valueDecimal", min.add(BigDecimal.valueOf(random.nextInt(tenths + 1), 1)));
            }
            case STRING, TEXT -> {
                int cap = rule.type() == ItemType.STRING ? 30 : 80;
                int max = b.maxLength() > 0 ? Math.min(b.maxLength(), cap) : cap;
                v.put("valueString", letters(1 + random.nextInt(max)));
            }
            case BOOLEAN -> v.put("valueBoolean", random.nextBoolean());
            case DATE -> {
                LocalDate min = b.minDate() == null ? LocalDate.of(2000, 1, 1) : b.minDate();
                LocalDate max = b.maxDate() == null ? LocalDate.of(2030, 12, 31) : b.maxDate();
                v.put("valueDate", min.plusDays(random.nextInt((int) (max.toEpochDay() - min.toEpochDay() + 1))).toString());
            }
            default -> throw new IllegalArgumentException("no answers for " + rule.type());
        }
        return v;
    }

    /** A value of another type than the item takes. */
    ObjectNode wrongType(ItemRule rule) {
        ObjectNode v = JSON.createObjectNode();
        switch (rule.type()) {
            case CHOICE -> {
                if (random.nextBoolean()) {
                    v.put("valueString", "often");
                } else {
                    v.put("valueInteger", 2);
                }
            }
            case INTEGER -> {
                if (random.nextBoolean()) {
                    v.put("valueDecimal", new BigDecimal("2.5"));
                } else {
                    v.put("valueString", "3");
                }
            }
            case DECIMAL -> v.put("valueInteger", 3);
            case STRING, TEXT -> {
                if (random.nextBoolean()) {
                    v.put("valueInteger", 7);
                } else {
                    v.putObject("valueCoding").put("system", "http://loinc.org").put("code", "LA6568-5");
                }
            }
            case BOOLEAN -> v.put("valueString", "yes");
            case DATE -> v.put("valueDateTime", "2020-01-01T10:00:00Z");
            default -> throw new IllegalArgumentException("no answers for " + rule.type());
        }
        return v;
    }

    String letters(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = i > 0 && i < n - 1 && random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }

    /** The FHIR JSON value as the API's AnswerValue, for enableWhen while building. */
    static AnswerValue toAnswerValue(ObjectNode v) {
        String field = v.fieldNames().next();
        JsonNode n = v.get(field);
        return switch (field) {
            case "valueCoding" -> new AnswerValue.CodingValue(
                    n.has("system") ? n.get("system").asText() : null, n.get("code").asText(), null);
            case "valueInteger" -> new AnswerValue.IntegerValue(n.asLong());
            case "valueDecimal" -> new AnswerValue.DecimalValue(n.decimalValue());
            case "valueString" -> new AnswerValue.StringValue(n.asText());
            case "valueBoolean" -> new AnswerValue.BooleanValue(n.asBoolean());
            case "valueDate" -> new AnswerValue.DateValue(LocalDate.parse(n.asText()));
            default -> throw new IllegalArgumentException(field);
        };
    }
}
