package org.openrom.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.Alert;
import org.openrom.api.scoring.Band;
import org.openrom.api.scoring.CaseVerdict;
import org.openrom.api.scoring.Change;
import org.openrom.api.scoring.ScaleChange;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.Sex;
import org.openrom.api.scoring.TalkingTherapiesOutcome;

/**
 * The stable JSON form of score sets, changes and verdicts (documented in docs/scoring-json.md), and the reader of
 * the simple request form {@code {"measure":"phq9","answers":{"q1":2,…},"age":15,"sex":"female"}}. Field order is
 * fixed; numbers are exact decimals; fields that do not apply are left out. Thread-safe.
 *
 * @since 1.0.0
 */
public final class ScoreJson {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ScoreJson() {}

    /** A score set as JSON text. */
    public static String toJson(ScoreSet s) {
        return write(scoreSet(s));
    }

    /** A change as JSON text. */
    public static String toJson(Change c) {
        return write(change(c));
    }

    /** CORC's case verdict as JSON text. */
    public static String toJson(CaseVerdict v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("verdict", v.verdict().name());
        ArrayNode considered = o.putArray("considered");
        v.considered().forEach(s -> considered.add(scaleChange(s).put("scale", s.scale())));
        strings(o.putArray("notes"), v.notes());
        return write(o);
    }

    /** The NHS Talking Therapies outcome as JSON text. */
    public static String toJson(TalkingTherapiesOutcome t) {
        ObjectNode o = JSON.createObjectNode();
        putNullable(o, "caseAtFirst", t.caseAtFirst());
        putNullable(o, "caseAtLast", t.caseAtLast());
        o.put("reliableChange", t.reliableChange().name());
        o.put("recovery", t.recovery().name());
        o.put("reliableRecovery", t.reliableRecovery());
        o.set("phq9", scaleChange(t.phq9()));
        o.set("gad7", scaleChange(t.gad7()));
        strings(o.putArray("notes"), t.notes());
        return write(o);
    }

    /**
     * Reads the simple request form. Answer values: an integer is an option position (or an integer item's value),
     * a decimal a decimal item's value, a string an option code (or free text), {@code {"system":…,"code":…}} a
     * coding, true/false a boolean.
     *
     * @throws IllegalArgumentException naming the field and the value when the text is not such a request
     */
    public static ScoringRequest readRequest(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject() || !n.path("measure").isTextual()) {
            throw new IllegalArgumentException("request needs {\"measure\": \"<id>\", \"answers\": {…}}");
        }
        JsonNode answers = n.path("answers");
        if (!answers.isObject()) {
            throw new IllegalArgumentException("request.answers must be an object of linkId -> value, found " + answers);
        }
        Map<String, AnswerValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), answer(e.getKey(), e.getValue()));
        }
        JsonNode age = n.path("age");
        if (!age.isMissingNode() && !age.isNull() && !age.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("request.age must be whole years, found " + age);
        }
        Integer years = age.isMissingNode() || age.isNull() ? null : age.intValue();
        JsonNode sex = n.path("sex");
        Sex s = sex.isMissingNode() || sex.isNull() ? Sex.UNKNOWN : Sex.parse(sex.asText());
        return new ScoringRequest(n.get("measure").asText(), values, years, s);
    }

    private static AnswerValue answer(String linkId, JsonNode v) {
        if (v.isIntegralNumber()) {
            return new AnswerValue.IntegerValue(v.longValue());
        }
        if (v.isNumber()) {
            return new AnswerValue.DecimalValue(v.decimalValue());
        }
        if (v.isTextual()) {
            return new AnswerValue.StringValue(v.asText());
        }
        if (v.isBoolean()) {
            return new AnswerValue.BooleanValue(v.booleanValue());
        }
        if (v.isObject() && v.path("code").isTextual()) {
            return new AnswerValue.CodingValue(
                    v.hasNonNull("system") ? v.get("system").asText() : null, v.get("code").asText(), null);
        }
        throw new IllegalArgumentException("request.answers." + linkId + " has an unusable value: " + v);
    }

    private static ObjectNode scoreSet(ScoreSet s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("measure", s.measureId());
        o.put("rulesVersion", s.rulesVersion());
        if (s.ageYears() != null) {
            o.put("age", s.ageYears());
        }
        o.put("sex", s.sex().jsonName());
        ObjectNode scales = o.putObject("scales");
        for (ScaleScore sc : s.scales()) {
            scales.set(sc.id(), scale(sc));
        }
        ObjectNode items = o.putObject("items");
        s.itemValues().forEach(items::put);
        ArrayNode alerts = o.putArray("alerts");
        for (Alert a : s.alerts()) {
            ObjectNode j = alerts.addObject().put("kind", a.kind().name()).put("code", a.code());
            putIfSet(j, "linkId", a.linkId());
            putIfSet(j, "scale", a.scale());
            if (a.value() != null) {
                j.put("value", a.value());
            }
            j.put("message", a.message()).put("source", a.source().tag());
        }
        return o;
    }

    private static ObjectNode scale(ScaleScore s) {
        ObjectNode o = JSON.createObjectNode();
        if (s.value() != null) {
            o.put("value", s.value());
        } else {
            o.putNull("value");
            o.putObject("missing").put("reason", s.missing().reason().name()).put("detail", s.missing().detail());
        }
        if (s.answered() != null) {
            o.put("answered", s.answered());
            o.put("items", s.items());
        }
        o.put("prorated", s.prorated());
        ArrayNode bands = o.putArray("bands");
        for (Band b : s.bands()) {
            ObjectNode j = bands.addObject().put("scheme", b.scheme()).put("label", b.label());
            if (b.min() != null) {
                j.put("min", b.min());
            }
            if (b.max() != null) {
                j.put("max", b.max());
            }
            j.put("source", b.source().tag());
        }
        return o;
    }

    private static ObjectNode change(Change c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("measure", c.measureId());
        putIfSet(o, "headlineScale", c.headlineScale());
        ObjectNode scales = o.putObject("scales");
        for (ScaleChange s : c.scales()) {
            scales.set(s.scale(), scaleChange(s));
        }
        return o;
    }

    private static ObjectNode scaleChange(ScaleChange s) {
        ObjectNode o = JSON.createObjectNode();
        putNumber(o, "first", s.first());
        putNumber(o, "last", s.last());
        putNumber(o, "difference", s.difference());
        if (s.threshold() != null) {
            o.put("threshold", s.threshold());
            o.put("thresholdSource", s.thresholdSource() == null ? null : s.thresholdSource().tag());
        }
        o.put("verdict", s.verdict().name());
        putIfSet(o, "verdictReason", s.verdictReason());
        o.put("crossing", s.crossing().name());
        putIfSet(o, "crossingReason", s.crossingReason());
        o.put("recovery", s.recovery());
        o.put("reliableRecovery", s.reliableRecovery());
        return o;
    }

    private static void putNumber(ObjectNode o, String field, @Nullable BigDecimal v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static void putNullable(ObjectNode o, String field, @Nullable Boolean v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static void putIfSet(ObjectNode o, String field, @Nullable String v) {
        if (v != null) {
            o.put(field, v);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
