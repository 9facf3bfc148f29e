package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;

/**
 * Reads the two stored JSON documents of a row in one streaming pass each, keeping only what may leave: of a
 * QuestionnaireResponse its status and, per item, the linkId, the answer values and the child items; of a score
 * set, per scale, the value, the bands and the missing reason. Everything else (item text, free text, nested answer
 * items, item values, alerts) is skipped by the parser without being decoded or kept, which is what makes this
 * faster than a tree of the whole document: sealing reads every stored response of the quarter.
 */
final class StoredJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** An answer's value, by FHIR type; {@link Kind#OTHER} for anything else (free text, dates, attachments). */
    enum Kind { CODING, INTEGER, DECIMAL, BOOLEAN, OTHER }

    /**
     * One answer: the system and code of a coding ({@code system} empty when absent), the number of an integer or
     * decimal, or the boolean.
     */
    record Answer(Kind kind, String system, @Nullable String code, @Nullable BigDecimal number, boolean bool) {}

    /** One item: its linkId (empty when absent), its answers and its child items. */
    record Item(String linkId, List<Answer> answers, List<Item> items) {}

    /** A stored QuestionnaireResponse, reduced. */
    record Response(String status, List<Item> items) {}

    record Band(String scheme, String label) {}

    /** One scale of a stored score set: its value (null when missing), bands and missing reason (empty if none). */
    record Scale(String id, @Nullable BigDecimal value, List<Band> bands, String missingReason) {}

    private StoredJson() {}

    static Response response(byte[] json, long seq) throws SealException {
        return response(json, seq, KnownStrings.NONE);
    }

    /** @param known the catalogue's strings: linkIds and codings it holds are read as its own instances */
    static Response response(byte[] json, long seq, KnownStrings known) throws SealException {
        try (JsonParser p = FACTORY.createParser(json)) {
            requireObject(p.nextToken());
            String status = "";
            List<Item> items = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("status".equals(field) && value == JsonToken.VALUE_STRING) {
                    status = p.getText();
                } else if ("item".equals(field) && value == JsonToken.START_ARRAY) {
                    items = items(p, known);
                } else {
                    p.skipChildren();
                }
            }
            return new Response(status, items);
        } catch (JsonProcessingException e) {
            throw notJson(seq, "response", e);
        } catch (IOException e) {
            throw new SealException(SealError.BAD_ROW, "outbox seq " + seq + ": cannot read the stored response", e);
        }
    }

    static List<Scale> scales(byte[] json, long seq) throws SealException {
        return scales(json, seq, KnownStrings.NONE);
    }

    /** @param known the catalogue's strings: band schemes and labels it holds are read as its own instances */
    static List<Scale> scales(byte[] json, long seq, KnownStrings known) throws SealException {
        try (JsonParser p = FACTORY.createParser(json)) {
            requireObject(p.nextToken());
            List<Scale> scales = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("scales".equals(field) && value == JsonToken.START_OBJECT) {
                    scales = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String id = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            scales.add(scale(id, p, known));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            return scales;
        } catch (JsonProcessingException e) {
            throw notJson(seq, "scores", e);
        } catch (IOException e) {
            throw new SealException(SealError.BAD_ROW, "outbox seq " + seq + ": cannot read the stored scores", e);
        }
    }

    private static List<Item> items(JsonParser p, KnownStrings known) throws IOException {
        List<Item> items = new ArrayList<>();
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t == JsonToken.START_OBJECT) {
                items.add(item(p, known));
            } else {
                p.skipChildren();
                items.add(new Item("", List.of(), List.of())); // not an item: dropped and counted as such
            }
        }
        return items;
    }

    private static Item item(JsonParser p, KnownStrings known) throws IOException {
        String linkId = "";
        List<Answer> answers = List.of();
        List<Item> children = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("linkId".equals(field) && value.isScalarValue()) {
                linkId = known.read(p);
            } else if ("answer".equals(field) && value == JsonToken.START_ARRAY) {
                answers = answers(p, known);
            } else if ("item".equals(field) && value == JsonToken.START_ARRAY) {
                children = items(p, known);
            } else {
                p.skipChildren();
            }
        }
        return new Item(linkId, answers, children);
    }

    private static List<Answer> answers(JsonParser p, KnownStrings known) throws IOException {
        List<Answer> answers = new ArrayList<>(1);
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            Answer answer = new Answer(Kind.OTHER, "", null, null, false);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                Answer read = switch (field) {
                    case "valueCoding" -> value == JsonToken.START_OBJECT ? coding(p, known) : null;
                    case "valueInteger" -> value == JsonToken.VALUE_NUMBER_INT
                            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            ? new Answer(Kind.INTEGER, "", null, BigDecimal.valueOf(p.getLongValue()), false) : null;
                    case "valueDecimal" -> value.isNumeric()
                            ? new Answer(Kind.DECIMAL, "", null, p.getDecimalValue(), false) : null;
                    case "valueBoolean" -> value.isBoolean()
                            ? new Answer(Kind.BOOLEAN, "", null, null, value == JsonToken.VALUE_TRUE) : null;
                    default -> null;
                };
                if (read != null) {
                    answer = read;
                } else {
                    p.skipChildren();
                }
            }
            answers.add(answer);
        }
        return answers;
    }

    /** A coding whose code is a string; anything else is {@link Kind#OTHER}. */
    private static Answer coding(JsonParser p, KnownStrings known) throws IOException {
        String system = "";
        String code = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("system".equals(field) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                system = known.read(p);
            } else if ("code".equals(field) && value == JsonToken.VALUE_STRING) {
                code = known.read(p);
            } else {
                p.skipChildren();
            }
        }
        return code == null ? new Answer(Kind.OTHER, "", null, null, false) : new Answer(Kind.CODING, system, code, null, false);
    }

    private static Scale scale(String id, JsonParser p, KnownStrings known) throws IOException {
        BigDecimal value = null;
        List<Band> bands = List.of();
        String missing = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if ("value".equals(field) && t.isNumeric()) {
                value = p.getDecimalValue();
            } else if ("bands".equals(field) && t == JsonToken.START_ARRAY) {
                bands = bands(p, known);
            } else if ("missing".equals(field) && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("reason".equals(f) && v == JsonToken.VALUE_STRING) {
                        missing = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return new Scale(id, value, bands, missing);
    }

    private static List<Band> bands(JsonParser p, KnownStrings known) throws IOException {
        List<Band> bands = new ArrayList<>(2);
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String scheme = "";
            String label = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("scheme".equals(field) && v.isScalarValue()) {
                    scheme = known.read(p);
                } else if ("label".equals(field) && v.isScalarValue()) {
                    label = known.read(p);
                } else {
                    p.skipChildren();
                }
            }
            bands.add(new Band(scheme, label));
        }
        return bands;
    }

    private static void requireObject(@Nullable JsonToken first) throws JsonProcessingException {
        if (first != JsonToken.START_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "not a JSON object");
        }
    }

    private static SealException notJson(long seq, String what, JsonProcessingException e) {
        // Jackson's message may quote the content; only the position is reported.
        String where = e.getLocation() == null ? ""
                : " (error at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new SealException(SealError.BAD_ROW, "outbox seq " + seq + ": the stored " + what + " is not JSON" + where);
    }
}
