package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.openrom.agent.seal.internal.MeasureCatalogue.Item;
import org.openrom.agent.seal.internal.MeasureCatalogue.Measure;
import org.openrom.agent.seal.internal.StoredJson.Answer;

/**
 * Writes a QuestionnaireResponse's {@code item} tree keeping only coded answers: a choice answer whose coding the
 * Questionnaire lists, an integer, decimal or boolean answer to an item of that type. Free text (string and text
 * items, any valueString) never passes; nor do item text, answers to unknown linkIds, or nested answer items.
 * Groups are kept only when something inside them is.
 *
 * <p>A coded answer's JSON depends only on the item and the coding, and the Questionnaire lists every coding that may
 * pass, so each is encoded once when the catalogue loads ({@link #encode}) and written as those bytes: the answer
 * object, or the whole item when it has that one answer (the usual case). A coding the Questionnaire does not list
 * has no encoding, so it cannot pass.
 */
final class QuestionnaireItems {

    /** An allowed coding's outgoing JSON: the answer object, and the item object holding just that answer. */
    record Coded(SerializableString answer, SerializableString item) {}

    private static final JsonFactory FACTORY = new JsonFactory();

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
            if (item.answers().size() == 1 && item.answers().get(0).kind() == StoredJson.Kind.CODING
                    && "choice".equals(rule.type())) {
                Answer only = item.answers().get(0);
                Coded coded = rule.coded(only.system(), only.code());
                if (coded == null) {
                    dropped++;
                } else {
                    g.writeRawValue(coded.item());
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
                    startItem(g, item.linkId());
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
            case "choice" -> answer.kind() == StoredJson.Kind.CODING && rule.coded(answer.system(), answer.code()) != null;
            case "integer" -> answer.kind() == StoredJson.Kind.INTEGER;
            case "decimal" -> answer.kind() == StoredJson.Kind.DECIMAL;
            case "boolean" -> answer.kind() == StoredJson.Kind.BOOLEAN;
            default -> false;
        };
    }

    private static void startItem(JsonGenerator g, String linkId) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FieldNames.LINK_ID);
        g.writeString(linkId);
        g.writeFieldName(FieldNames.ANSWER);
        g.writeStartArray();
    }

    private static void writeCoding(JsonGenerator g, String system, String code) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FieldNames.VALUE_CODING);
        g.writeStartObject();
        if (!system.isEmpty()) {
            g.writeFieldName(FieldNames.SYSTEM);
            g.writeString(system);
        }
        g.writeFieldName(FieldNames.CODE);
        g.writeString(code);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Encodes an allowed coding of item {@code linkId} once, with the same generator calls as any other answer. */
    static Coded encode(String linkId, String system, String code) {
        try {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (JsonGenerator a = FACTORY.createGenerator(answer, JsonEncoding.UTF8)) {
                writeCoding(a, system, code);
            }
            ByteArrayOutputStream item = new ByteArrayOutputStream();
            try (JsonGenerator i = FACTORY.createGenerator(item, JsonEncoding.UTF8)) {
                startItem(i, linkId);
                writeCoding(i, system, code);
                i.writeEndArray();
                i.writeEndObject();
            }
            return new Coded(new SerializedString(answer.toString(StandardCharsets.UTF_8)),
                    new SerializedString(item.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAnswer(Item rule, Answer answer) throws IOException {
        if (answer.kind() == StoredJson.Kind.CODING) {
            g.writeRawValue(Objects.requireNonNull(rule.coded(answer.system(), answer.code())).answer());
            return;
        }
        g.writeStartObject();
        switch (answer.kind()) {
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
