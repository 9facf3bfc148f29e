package org.openrom.web.internal.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Sex;
import org.openrom.profiles.Profiles;

/**
 * What a measure's rules data ({@code rules/<id>.json} in fhir-profiles, the same file the scoring engine reads)
 * says that a chart needs: the title, the informant, each scale's range and direction of better, and the clinical
 * cut-offs. Nothing here is a number written in code. Immutable.
 */
final class ChartRules {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A scale's range (either end may be unknown, e.g. T-scores) and which way is better (null when unknown). */
    record ScaleInfo(@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Better better, int decimals) {}

    private final String measureId;
    private final String title;
    private final String informant;
    private final @Nullable String headlineScale;
    private final Map<String, ScaleInfo> scales;
    private final List<Cutoff> cutoffs;

    private ChartRules(String measureId, String title, String informant, @Nullable String headlineScale,
            Map<String, ScaleInfo> scales, List<Cutoff> cutoffs) {
        this.measureId = measureId;
        this.title = title;
        this.informant = informant;
        this.headlineScale = headlineScale;
        this.scales = scales;
        this.cutoffs = cutoffs;
    }

    /**
     * Reads one measure's rules.
     *
     * @throws IllegalArgumentException when fhir-profiles has no rules for the id
     * @throws IllegalStateException when the rules file is not the JSON the engine also reads
     */
    static ChartRules of(String measureId) {
        String text = Profiles.rules(measureId)
                .orElseThrow(() -> new IllegalArgumentException("no rules for measure: " + measureId));
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules/" + measureId + ".json is not JSON", e);
        }
        Map<String, ScaleInfo> scales = new LinkedHashMap<>();
        for (String group : List.of("scales", "derived")) {
            for (JsonNode s : root.path(group)) {
                JsonNode range = s.path("range");
                scales.put(s.path("id").asText(), new ScaleInfo(
                        range.size() == 2 ? range.get(0).decimalValue() : null,
                        range.size() == 2 ? range.get(1).decimalValue() : null,
                        Better.ofRules(s.path("direction").asText("")),
                        s.path("decimals").asInt(0)));
            }
        }
        List<Cutoff> cutoffs = new ArrayList<>();
        for (JsonNode c : root.path("cutoffs")) {
            cutoffs.add(new Cutoff(c.path("scale").asText(), c.path("value").decimalValue(),
                    c.path("clinicalWhen").asText(), intOrNull(c, "ageMin"), intOrNull(c, "ageMax"),
                    c.hasNonNull("sex") ? c.get("sex").asText() : null, c.path("source").asText("?")));
        }
        String headline = root.hasNonNull("headlineScale") ? root.get("headlineScale").asText() : null;
        return new ChartRules(measureId, root.path("title").asText(measureId), root.path("informant").asText(""),
                headline, scales, List.copyOf(cutoffs));
    }

    private static @Nullable Integer intOrNull(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asInt() : null;
    }

    String measureId() {
        return measureId;
    }

    String title() {
        return title;
    }

    /** As the rules say it: {@code self}, {@code parent}, {@code teacher}, {@code goal owner}, {@code clinician}. */
    String informant() {
        return informant;
    }

    @Nullable String headlineScale() {
        return headlineScale;
    }

    /** A scale's range and direction; a T-score ({@code x_t}) has its raw scale's direction and no fixed range. */
    ScaleInfo scale(String scaleId) {
        ScaleInfo info = scales.get(scaleId);
        if (info != null) {
            return info;
        }
        if (scaleId.endsWith("_t")) {
            ScaleInfo raw = scales.get(scaleId.substring(0, scaleId.length() - 2));
            return new ScaleInfo(null, null, raw == null ? null : raw.better(), 0);
        }
        return new ScaleInfo(null, null, null, 0);
    }

    /** The cut-off for a scale that applies to this age and sex, as the engine picks it: the first that matches. */
    Optional<Cutoff> cutoff(String scaleId, @Nullable Integer age, Sex sex) {
        return cutoffs.stream().filter(c -> c.scale().equals(scaleId) && c.appliesTo(age, sex)).findFirst();
    }
}
