package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrom.profiles.Profiles;

/**
 * What may leave for each measure, read from fhir-profiles: the Questionnaire's items (type and the codes its
 * options allow), the scale ids and band labels of its rules, and standard codes for scales. Immutable after load.
 */
public final class MeasureCatalogue {

    /**
     * A Questionnaire item: its type and, for choice items, the allowed codings (system → code), each with its
     * outgoing JSON encoded once ({@link QuestionnaireItems#encode}).
     */
    public record Item(String type, Map<String, Map<String, QuestionnaireItems.Coded>> coded) {

        /** The allowed coding's encoded answer, or null when the Questionnaire does not list it. */
        public QuestionnaireItems.@Nullable Coded coded(String system, String code) {
            Map<String, QuestionnaireItems.Coded> bySystem = coded.get(system);
            return bySystem == null ? null : bySystem.get(code);
        }
    }

    /** A standard coding for a scale. */
    public record Coding(String system, String code) {}

    /**
     * One measure's allow-lists. {@code scaleJson} and {@code bandJson} hold, for each scale and each band the rules
     * define, its outgoing JSON encoded once ({@link ResourceWriter#encodeScaleCode}, {@link
     * ResourceWriter#encodeBand}): an Observation's code, one interpretation element.
     */
    public record Measure(
            String id,
            String canonical,
            Map<String, Item> items,
            Set<String> scales,
            Set<String> bands,
            Set<String> decimalScales,
            Map<String, List<Coding>> scaleCodes,
            Map<String, SerializableString> scaleJson,
            Map<String, Map<String, SerializableString>> bandJson) {

        /** The encoded interpretation element of a band the rules define, else null. */
        public @Nullable SerializableString band(String scheme, String label) {
            Map<String, SerializableString> labels = bandJson.get(scheme);
            return labels == null ? null : labels.get(label);
        }

        /** The encoded Observation code of a scale the rules define, else null. */
        public @Nullable SerializableString scaleCode(String scale) {
            return scaleJson.get(scale);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODES = "/org/openrom/profiles/codes/scale-codes.json";

    private final Map<String, Measure> measures;
    private final KnownStrings knownStrings;

    private MeasureCatalogue(Map<String, Measure> measures) {
        this.measures = Map.copyOf(measures);
        List<String> known = new ArrayList<>();
        for (Measure m : this.measures.values()) {
            m.items().forEach((linkId, item) -> {
                known.add(linkId);
                item.coded().forEach((system, codes) -> {
                    known.add(system);
                    known.addAll(codes.keySet());
                });
            });
            m.bandJson().forEach((scheme, labels) -> {
                known.add(scheme);
                known.addAll(labels.keySet());
            });
        }
        this.knownStrings = new KnownStrings(known);
    }

    /**
     * The catalogue's linkIds, systems, codes, band schemes and labels, for reading stored JSON. Each is interned
     * when the catalogue loads, so every map here holds one instance of a value and a read value finds its key by
     * identity.
     */
    KnownStrings knownStrings() {
        return knownStrings;
    }

    /** Loads every measure fhir-profiles ships. */
    public static MeasureCatalogue load() {
        try {
            JsonNode codes = readCodes();
            Map<String, Measure> out = new HashMap<>();
            for (String id : Profiles.measureIds()) {
                JsonNode q = JSON.readTree(Profiles.questionnaire(id)
                        .orElseThrow(() -> new IllegalStateException("no Questionnaire for measure " + id)));
                JsonNode rules = JSON.readTree(Profiles.rules(id).orElse("{}"));
                out.put(id, measure(id, q, rules, codes));
            }
            return new MeasureCatalogue(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the measures of org.openrom.profiles", e);
        }
    }

    /** The measure, or null when fhir-profiles does not know it. */
    public @Nullable Measure measure(String id) {
        return measures.get(id);
    }

    /** Every measure. */
    public Iterable<Measure> all() {
        return measures.values();
    }

    private static Measure measure(String id, JsonNode q, JsonNode rules, JsonNode codes) {
        String canonical = q.path("url").asText() + (q.hasNonNull("version") ? "|" + q.get("version").asText() : "");
        Map<String, Item> items = new HashMap<>();
        collectItems(q.path("item"), items);
        Set<String> scales = new HashSet<>();
        Set<String> decimalScales = new HashSet<>();
        for (String part : List.of("scales", "derived")) {
            rules.path(part).forEach(s -> {
                scales.add(s.path("id").asText());
                if (s.path("decimals").asInt(0) > 0) {
                    decimalScales.add(s.path("id").asText());
                }
            });
        }
        rules.path("norms").path("scales").forEach(s -> scales.add(s.asText() + "_t"));
        Set<String> bands = new HashSet<>();
        Map<String, Map<String, SerializableString>> bandJson = new HashMap<>();
        rules.path("bands").forEach(t -> t.path("bands").forEach(b -> {
            String scheme = t.path("scheme").asText().intern();
            String label = b.path("label").asText().intern();
            bands.add(scheme + "\u0000" + label);
            bandJson.computeIfAbsent(scheme, k -> new HashMap<>()).put(label, ResourceWriter.encodeBand(scheme, label));
        }));
        Map<String, List<Coding>> scaleCodes = new HashMap<>();
        Map<String, SerializableString> scaleJson = new HashMap<>();
        for (String scale : scales) {
            List<Coding> list = new ArrayList<>();
            codes.path(id + "." + scale).forEach(c -> list.add(new Coding(c.path("system").asText(), c.path("code").asText())));
            if (!list.isEmpty()) {
                scaleCodes.put(scale, List.copyOf(list));
            }
            scaleJson.put(scale, ResourceWriter.encodeScaleCode(id, scale, list));
        }
        Map<String, Map<String, SerializableString>> frozenBands = new HashMap<>();
        bandJson.forEach((scheme, labels) -> frozenBands.put(scheme, Map.copyOf(labels)));
        return new Measure(id, canonical, Map.copyOf(items), Set.copyOf(scales), Set.copyOf(bands), Set.copyOf(decimalScales),
                Map.copyOf(scaleCodes), Map.copyOf(scaleJson), Map.copyOf(frozenBands));
    }

    private static void collectItems(JsonNode list, Map<String, Item> into) {
        for (JsonNode item : list) {
            String linkId = item.path("linkId").asText().intern();
            Map<String, Map<String, QuestionnaireItems.Coded>> coded = new HashMap<>();
            for (JsonNode option : item.path("answerOption")) {
                JsonNode c = option.path("valueCoding");
                if (c.hasNonNull("code")) {
                    String system = c.path("system").asText("").intern();
                    String code = c.get("code").asText().intern();
                    coded.computeIfAbsent(system, k -> new HashMap<>())
                            .put(code, QuestionnaireItems.encode(linkId, system, code));
                }
            }
            Map<String, Map<String, QuestionnaireItems.Coded>> frozen = new HashMap<>();
            coded.forEach((system, codes) -> frozen.put(system, Map.copyOf(codes)));
            into.put(linkId, new Item(item.path("type").asText(), Map.copyOf(frozen)));
            collectItems(item.path("item"), into);
        }
    }

    private static JsonNode readCodes() throws IOException {
        try (InputStream in = Profiles.class.getResourceAsStream(CODES)) {
            return in == null ? JSON.createObjectNode() : JSON.readTree(in).path("codes");
        }
    }
}
