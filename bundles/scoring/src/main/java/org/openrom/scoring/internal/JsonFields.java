package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Typed access to a JSON object's fields, with errors that name the file and the field. */
final class JsonFields {
    private final String where;
    private final JsonNode node;

    JsonFields(String where, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object, found " + node.getNodeType());
        }
        this.where = where;
        this.node = node;
    }

    String where() {
        return where;
    }

    JsonNode node() {
        return node;
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(field, "a non-empty string", v);
        }
        return v.asText();
    }

    @Nullable
    String optText(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : text(field);
    }

    BigDecimal number(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw bad(field, "a number", v);
        }
        return v.decimalValue();
    }

    @Nullable
    BigDecimal optNumber(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : number(field);
    }

    int integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw bad(field, "an integer", v);
        }
        return v.intValue();
    }

    @Nullable
    Integer optInteger(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : integer(field);
    }

    int optInteger(String field, int fallback) {
        Integer v = optInteger(field);
        return v == null ? fallback : v;
    }

    boolean bool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw bad(field, "true or false", v);
        }
        return v.booleanValue();
    }

    List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(field)) {
            if (!e.isTextual()) {
                throw bad(field, "an array of strings", e);
            }
            out.add(e.asText());
        }
        return out;
    }

    /** The array's elements; an absent field is an empty array. */
    List<JsonNode> array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw bad(field, "an array", v);
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    List<JsonFields> objects(String field) {
        List<JsonFields> out = new ArrayList<>();
        List<JsonNode> a = array(field);
        for (int i = 0; i < a.size(); i++) {
            out.add(new JsonFields(where + "." + field + "[" + i + "]", a.get(i)));
        }
        return out;
    }

    @Nullable
    JsonFields optObject(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new JsonFields(where + "." + field, v);
    }

    IllegalArgumentException bad(String field, String expected, @Nullable JsonNode found) {
        return new IllegalArgumentException(
                where + "." + field + ": expected " + expected + ", found " + (found == null ? "nothing" : found));
    }

    IllegalArgumentException fail(String message) {
        return new IllegalArgumentException(where + ": " + message);
    }
}
