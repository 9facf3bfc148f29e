package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.openrom.agent.seal.internal.MeasureCatalogue.Item;
import org.openrom.agent.seal.internal.MeasureCatalogue.Measure;

/**
 * Writes a QuestionnaireResponse's {@code item} tree keeping only coded answers: a choice answer whose coding the
 * Questionnaire lists, an integer, decimal or boolean answer to an item of that type. Free text (string and text
 * items, any valueString) never passes; nor do item text, answers to unknown linkIds, or nested answer items.
 * Groups are kept only when something inside them is.
 */
final class QuestionnaireItems {

    private final JsonGenerator g;
    private final Measure measure;
    private int dropped;

    QuestionnaireItems(JsonGenerator g, Measure measure) {
        this.g = g;
        this.measure = measure;
    }

    /** @return answers and items dropped */
    int write(JsonNode items) throws IOException {
        if (keeps(items)) {
            g.writeArrayFieldStart("item");
            writeItems(items);
            g.writeEndArray();
        }
        return dropped;
    }

    private void writeItems(JsonNode items) throws IOException {
        for (JsonNode item : items) {
            Item rule = measure.items().get(item.path("linkId").asText());
            if (rule == null) {
                dropped++;
                continue;
            }
            if ("group".equals(rule.type())) {
                if (keeps(item.path("item"))) {
                    g.writeStartObject();
                    g.writeStringField("linkId", item.path("linkId").asText());
                    g.writeArrayFieldStart("item");
                    writeItems(item.path("item"));
                    g.writeEndArray();
                    g.writeEndObject();
                }
                continue;
            }
            boolean open = false;
            for (JsonNode answer : item.path("answer")) {
                if (!allowed(rule, answer)) {
                    dropped++;
                    continue;
                }
                if (!open) {
                    g.writeStartObject();
                    g.writeStringField("linkId", item.path("linkId").asText());
                    g.writeArrayFieldStart("answer");
                    open = true;
                }
                writeAnswer(rule, answer);
            }
            if (open) {
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    /** True if anything in {@code items} survives (no output, no counting). */
    private boolean keeps(JsonNode items) {
        for (JsonNode item : items) {
            Item rule = measure.items().get(item.path("linkId").asText());
            if (rule == null) {
                continue;
            }
            if ("group".equals(rule.type()) ? keeps(item.path("item")) : anyAllowed(rule, item.path("answer"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyAllowed(Item rule, JsonNode answers) {
        for (JsonNode a : answers) {
            if (allowed(rule, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(Item rule, JsonNode answer) {
        return switch (rule.type()) {
            case "choice" -> {
                JsonNode c = answer.path("valueCoding");
                yield c.path("code").isTextual()
                        && rule.codes().contains(c.path("system").asText("") + "|" + c.path("code").asText());
            }
            case "integer" -> answer.path("valueInteger").isIntegralNumber();
            case "decimal" -> answer.path("valueDecimal").isNumber();
            case "boolean" -> answer.path("valueBoolean").isBoolean();
            default -> false;
        };
    }

    private void writeAnswer(Item rule, JsonNode answer) throws IOException {
        g.writeStartObject();
        switch (rule.type()) {
            case "choice" -> {
                JsonNode c = answer.get("valueCoding");
                g.writeObjectFieldStart("valueCoding");
                if (!c.path("system").asText("").isEmpty()) {
                    g.writeStringField("system", c.get("system").asText());
                }
                g.writeStringField("code", c.get("code").asText());
                g.writeEndObject();
            }
            case "integer" -> g.writeNumberField("valueInteger", answer.get("valueInteger").longValue());
            case "decimal" -> {
                g.writeFieldName("valueDecimal");
                g.writeNumber(answer.get("valueDecimal").decimalValue());
            }
            case "boolean" -> g.writeBooleanField("valueBoolean", answer.get("valueBoolean").booleanValue());
            default -> throw new IllegalStateException("answer type not allowed: " + rule.type());
        }
        g.writeEndObject();
    }
}
