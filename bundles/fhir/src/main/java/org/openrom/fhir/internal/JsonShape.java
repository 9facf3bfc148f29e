package org.openrom.fhir.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;

/**
 * What FHIR's JSON format forbids and HAPI's parser silently drops, found in one streaming pass (a few µs): an
 * empty array, an empty object, a null. HAPI's validator reports each as an error, so we do too, naming the
 * item it sits in.
 */
final class JsonShape {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final int SHOWN = 5;

    private JsonShape() {}

    /** @throws InvalidResponseException when the text is not JSON or has empty arrays, empty objects or nulls */
    static void check(String json) {
        List<String> what = new ArrayList<>();
        List<JsonPointer> where = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken previous = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_ARRAY && previous == JsonToken.START_ARRAY) {
                    add(what, where, p, "empty array at %s (leave the property out instead)");
                } else if (t == JsonToken.END_OBJECT && previous == JsonToken.START_OBJECT) {
                    add(what, where, p, "empty object at %s");
                } else if (t == JsonToken.VALUE_NULL) {
                    add(what, where, p, "null at %s (leave the property out instead)");
                }
                previous = t;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException(List.of(Issue.error(ErrorCode.NOT_JSON.code(), null,
                    "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a String", e);
        }
        if (!what.isEmpty()) {
            throw new InvalidResponseException(issues(json, what, where));
        }
    }

    private static void add(List<String> what, List<JsonPointer> where, JsonParser p, String format) {
        if (what.size() < SHOWN) {
            JsonPointer pointer = p.getParsingContext().pathAsPointer();
            where.add(pointer);
            what.add(String.format(format, pointer.toString().isEmpty() ? "the top level" : pointer));
        }
    }

    /** Only on the error path: read the tree to name the item each problem sits in. */
    private static List<Issue> issues(String json, List<String> what, List<JsonPointer> where) {
        JsonNode root;
        try {
            root = TREE.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parsed once, failed the second time", e);
        }
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            String linkId = enclosingLinkId(root, where.get(i));
            String message = "FHIR JSON allows no " + what.get(i);
            issues.add(Issue.error(ErrorCode.EMPTY_OR_NULL.code(), linkId, linkId == null ? message : linkId + ": " + message));
        }
        return issues;
    }

    private static @Nullable String enclosingLinkId(JsonNode root, JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.head()) {
            JsonNode linkId = root.at(p).get("linkId");
            if (linkId != null && linkId.isTextual()) {
                return linkId.asText();
            }
        }
        return null;
    }
}
