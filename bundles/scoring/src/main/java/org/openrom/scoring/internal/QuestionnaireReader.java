package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the items of a FHIR R4 Questionnaire (JSON) with Jackson; HAPI stays in the fhir bundle. */
final class QuestionnaireReader {
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final String MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private static final Set<String> NOT_QUESTIONS = Set.of("group", "display");

    private QuestionnaireReader() {}

    /** Every item, nested ones included, by linkId in document order. */
    static Map<String, QuestionnaireItem> items(String where, JsonNode questionnaire) {
        Map<String, QuestionnaireItem> out = new LinkedHashMap<>();
        collect(where, questionnaire.path("item"), out);
        return out;
    }

    private static void collect(String where, JsonNode items, Map<String, QuestionnaireItem> out) {
        for (JsonNode item : items) {
            String linkId = item.path("linkId").asText("");
            String type = item.path("type").asText("");
            if (linkId.isEmpty() || type.isEmpty()) {
                throw new IllegalArgumentException(where + ": an item without linkId or type: " + item);
            }
            List<String> codes = new ArrayList<>();
            JsonNode options = item.path("answerOption");
            for (int i = 0; i < options.size(); i++) {
                JsonNode o = options.get(i);
                BigDecimal ordinal = extension(o, ORDINAL);
                if (ordinal == null || ordinal.compareTo(BigDecimal.valueOf(i)) != 0) {
                    throw new IllegalArgumentException(where + ": item " + linkId + " option " + i
                            + " must carry ordinalValue " + i + " (its position as printed), found " + ordinal);
                }
                codes.add(o.path("valueCoding").path("code").asText());
            }
            QuestionnaireItem q = new QuestionnaireItem(linkId, type, List.copyOf(codes), extension(item, MIN),
                    extension(item, MAX), item.path("readOnly").asBoolean(false), !NOT_QUESTIONS.contains(type));
            if (out.put(linkId, q) != null) {
                throw new IllegalArgumentException(where + ": linkId used twice: " + linkId);
            }
            collect(where, item.path("item"), out);
        }
    }

    private static @Nullable BigDecimal extension(JsonNode element, String url) {
        for (JsonNode e : element.path("extension")) {
            if (url.equals(e.path("url").asText())) {
                for (String field : List.of("valueDecimal", "valueInteger")) {
                    if (e.has(field)) {
                        return e.get(field).decimalValue();
                    }
                }
            }
        }
        return null;
    }
}
