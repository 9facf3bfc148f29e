package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.openrom.agent.seal.internal.MeasureCatalogue.Item;
import org.openrom.agent.seal.internal.MeasureCatalogue.Measure;
import org.openrom.agent.seal.internal.StoredJson.Answer;

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
    int write(List<StoredJson.Item> items) throws IOException {
        if (keeps(items)) {
            g.writeFieldName(FieldNames.ITEM);
            g.writeStartArray();
            writeItems(items);
            g.writeEndArray();
        } else {
            count(items);
        }
        return dropped;
    }

    private void writeItems(List<StoredJson.Item> items) throws IOException {
        for (StoredJson.Item item : items) {
            Item rule = measure.items().get(item.linkId());
            if (rule == null) {
                dropped++;
                continue;
            }
            if ("group".equals(rule.type())) {
                if (keeps(item.items())) {
                    g.writeStartObject();
                    g.writeFieldName(FieldNames.LINK_ID);
                    g.writeString(item.linkId());
                    g.writeFieldName(FieldNames.ITEM);
                    g.writeStartArray();
                    writeItems(item.items());
                    g.writeEndArray();
                    g.writeEndObject();
                } else {
                    count(item.items());
                }
                continue;
            }
            boolean open = false;
            for (Answer answer : item.answers()) {
                if (!allowed(rule, answer)) {
                    dropped++;
                    continue;
                }
                if (!open) {
                    g.writeStartObject();
                    g.writeFieldName(FieldNames.LINK_ID);
                    g.writeString(item.linkId());
                    g.writeFieldName(FieldNames.ANSWER);
                    g.writeStartArray();
                    open = true;
                }
                writeAnswer(answer);
            }
            if (open) {
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    /** Counts what a tree that is left out entirely drops (the same count as writing it would give). */
    private void count(List<StoredJson.Item> items) {
        for (StoredJson.Item item : items) {
            Item rule = measure.items().get(item.linkId());
            if (rule == null) {
                dropped++;
            } else if ("group".equals(rule.type())) {
                count(item.items());
            } else {
                dropped += (int) item.answers().stream().filter(a -> !allowed(rule, a)).count();
            }
        }
    }

    /** True if anything in {@code items} survives (no output, no counting). */
    private boolean keeps(List<StoredJson.Item> items) {
        for (StoredJson.Item item : items) {
            Item rule = measure.items().get(item.linkId());
            if (rule == null) {
                continue;
            }
            if ("group".equals(rule.type()) ? keeps(item.items()) : item.answers().stream().anyMatch(a -> allowed(rule, a))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(Item rule, Answer answer) {
        return switch (rule.type()) {
            case "choice" -> answer.kind() == StoredJson.Kind.CODING
                    && rule.codes().contains(answer.system() + "|" + answer.code());
            case "integer" -> answer.kind() == StoredJson.Kind.INTEGER;
            case "decimal" -> answer.kind() == StoredJson.Kind.DECIMAL;
            case "boolean" -> answer.kind() == StoredJson.Kind.BOOLEAN;
            default -> false;
        };
    }

    private void writeAnswer(Answer answer) throws IOException {
        g.writeStartObject();
        switch (answer.kind()) {
            case CODING -> {
                g.writeFieldName(FieldNames.VALUE_CODING);
                g.writeStartObject();
                if (!answer.system().isEmpty()) {
                    g.writeFieldName(FieldNames.SYSTEM);
                    g.writeString(answer.system());
                }
                g.writeFieldName(FieldNames.CODE);
                g.writeString(answer.code());
                g.writeEndObject();
            }
            case INTEGER -> g.writeNumberField("valueInteger", answer.number().longValueExact());
            case DECIMAL -> {
                g.writeFieldName(FieldNames.VALUE_DECIMAL);
                g.writeNumber(answer.number());
            }
            case BOOLEAN -> g.writeBooleanField("valueBoolean", answer.bool());
            default -> throw new IllegalStateException("answer type not allowed: " + answer.kind());
        }
        g.writeEndObject();
    }
}
