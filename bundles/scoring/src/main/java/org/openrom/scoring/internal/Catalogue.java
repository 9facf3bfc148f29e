package org.openrom.scoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrom.profiles.Profiles;

/** Every measure of fhir-profiles, read and cross-checked once. Immutable; thread-safe. */
final class Catalogue {
    private final Map<String, Measure> measures;

    private Catalogue(Map<String, Measure> measures) {
        this.measures = measures;
    }

    /**
     * Reads measures.txt, each Questionnaire and each rules file.
     *
     * @throws IllegalStateException naming the file when one is missing or inconsistent
     */
    static Catalogue load(ObjectMapper json) {
        Map<String, Measure> measures = new LinkedHashMap<>();
        for (String id : Profiles.measureIds()) {
            try {
                JsonNode q = parse(json, "questionnaires/" + id + ".json",
                        Profiles.questionnaire(id).orElseThrow(() -> missing("questionnaires/" + id + ".json")));
                JsonNode r = parse(json, "rules/" + id + ".json",
                        Profiles.rules(id).orElseThrow(() -> missing("rules/" + id + ".json")));
                MeasureRules rules = RulesReader.read("rules/" + id + ".json", r);
                if (!rules.measure().equals(id)) {
                    throw new IllegalArgumentException("rules/" + id + ".json names measure " + rules.measure());
                }
                measures.put(id, new Measure(rules, QuestionnaireReader.items("questionnaires/" + id + ".json", q)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("measure " + id + ": " + e.getMessage(), e);
            }
        }
        return new Catalogue(Map.copyOf(measures));
    }

    private static JsonNode parse(ObjectMapper json, String where, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static IllegalStateException missing(String path) {
        return new IllegalStateException("org.openrom.profiles has no " + path);
    }

    /** @throws IllegalArgumentException naming the id when the measure is unknown */
    Measure measure(String id) {
        Measure m = measures.get(id);
        if (m == null) {
            throw new IllegalArgumentException("unknown measure: " + id + " (known: " + Profiles.measureIds() + ")");
        }
        return m;
    }

    Collection<Measure> all() {
        return Profiles.measureIds().stream().map(measures::get).toList();
    }
}
