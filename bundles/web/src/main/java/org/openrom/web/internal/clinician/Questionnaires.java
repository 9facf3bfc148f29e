package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openrom.profiles.Profiles;
import org.openrom.web.internal.clinician.Questionnaire.Choice;
import org.openrom.web.internal.clinician.Questionnaire.Condition;
import org.openrom.web.internal.clinician.Questionnaire.Question;

/** Reads each measure's Questionnaire from fhir-profiles once. Thread-safe. */
final class Questionnaires {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXT = "http://hl7.org/fhir/StructureDefinition/";

    private final Map<String, Questionnaire> cache = new ConcurrentHashMap<>();

    /** The measure's Questionnaire; empty for an id that is no measure. */
    Optional<Questionnaire> find(String measureId) {
        if (!Profiles.measureIds().contains(measureId)) {
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(measureId, Questionnaires::load));
    }

    private static Questionnaire load(String measureId) {
        String text = Profiles.questionnaire(measureId)
                .orElseThrow(() -> new IllegalStateException("fhir-profiles has no Questionnaire for " + measureId));
        JsonNode q;
        try {
            q = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the Questionnaire of " + measureId + " is not JSON", e);
        }
        return new Questionnaire(measureId, q.path("url").asText() + "|" + q.path("version").asText(),
                q.path("title").asText(measureId), q.path("copyright").asText(""), questions(q.path("item")));
    }

    private static List<Question> questions(JsonNode items) {
        List<Question> list = new ArrayList<>();
        for (JsonNode item : items) {
            List<Choice> options = new ArrayList<>();
            for (JsonNode o : item.path("answerOption")) {
                JsonNode c = o.path("valueCoding");
                options.add(new Choice(options.size(), c.hasNonNull("system") ? c.get("system").asText() : null,
                        c.path("code").asText(), c.path("display").asText(c.path("code").asText())));
            }
            List<Condition> conditions = new ArrayList<>();
            for (JsonNode ew : item.path("enableWhen")) {
                conditions.add(new Condition(ew.path("question").asText(), ew.path("answerCoding").path("code").asText()));
            }
            list.add(new Question(item.path("linkId").asText(), item.path("type").asText(), item.path("text").asText(""),
                    item.path("required").asBoolean(false), item.path("readOnly").asBoolean(false), List.copyOf(options),
                    extension(item, "minValue"), extension(item, "maxValue"),
                    item.hasNonNull("maxLength") ? item.get("maxLength").asInt() : null, List.copyOf(conditions),
                    questions(item.path("item"))));
        }
        return List.copyOf(list);
    }

    private static @Nullable BigDecimal extension(JsonNode item, String name) {
        for (JsonNode e : item.path("extension")) {
            if (e.path("url").asText().equals(EXT + name)) {
                JsonNode v = e.has("valueInteger") ? e.get("valueInteger") : e.get("valueDecimal");
                return v == null ? null : v.decimalValue();
            }
        }
        return null;
    }
}
