package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.AlertKind;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.Sex;
import org.openrom.profiles.Profiles;

/**
 * Properties over random responses, checked against the rules files read independently of the engine: every
 * scale within its range; each scale monotone in each item in the direction its weights and reversal say; a scale
 * with too few answers (or a missing component) is missing, never 0; risk alerts fire exactly when they should.
 */
class ScoringPropertiesTest {
    static final int RUNS = Integer.getInteger("openrom.properties.runs", 300);

    static List<String> measures() {
        return Profiles.measureIds();
    }

    static JsonNode rules(String measure) throws Exception {
        return RandomResponses.JSON.readTree(Profiles.rules(measure).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void everyScaleIsWithinItsRangeAndMissingIsNeverZero(String measure) throws Exception {
        JsonNode rules = rules(measure);
        Random random = new Random(measure.hashCode());
        for (int n = 0; n < RUNS; n++) {
            RandomResponses r = RandomResponses.of(measure, random);
            ScoreSet s = TestScoring.PLAIN.score(new ScoringRequest(measure, r.answers, 14, Sex.FEMALE));
            Set<String> missing = new HashSet<>();
            for (JsonNode scale : rules.path("scales")) {
                String id = scale.path("id").asText();
                ScaleScore sc = s.scale(id).orElseThrow();
                checkRange(scale, sc);
                long answered = answered(scale, r.answers, rules);
                boolean skipRule = scale.has("rule");
                if (!skipRule && answered < scale.path("minAnswered").asInt()) {
                    assertThat(sc.value()).as(measure + " " + id + " with " + answered + " answered").isNull();
                    assertThat(sc.missing().reason()).isEqualTo(MissingReason.TOO_FEW_ANSWERS);
                }
                if (!skipRule && answered >= scale.path("minAnswered").asInt()) {
                    assertThat(sc.value()).as(measure + " " + id).isNotNull();
                }
                if (sc.value() == null) {
                    missing.add(id);
                }
            }
            for (JsonNode d : rules.path("derived")) {
                ScaleScore sc = s.scale(d.path("id").asText()).orElseThrow();
                checkRange(d, sc);
                boolean anyMissing = false;
                for (JsonNode c : d.path("of")) {
                    anyMissing |= missing.contains(c.asText());
                }
                if (anyMissing && d.path("method").asText().equals("sum")) {
                    assertThat(sc.value()).as(measure + " " + sc.id()).isNull();
                }
                if (sc.value() == null) {
                    missing.add(sc.id());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void eachScaleMovesWithEachItemInTheDirectionItsWeightsSay(String measure) throws Exception {
        JsonNode rules = rules(measure);
        Random random = new Random(measure.hashCode() + 1);
        Map<String, JsonNode> items = items(measure);
        for (JsonNode scale : rules.path("scales")) {
            for (JsonNode itemId : scale.path("items")) {
                JsonNode item = items.get(itemId.asText());
                if (!item.path("type").asText().equals("choice")) {
                    continue;
                }
                int options = item.path("answerOption").size();
                boolean reversed = contains(scale.path("reversed"), itemId.asText());
                for (int n = 0; n < RUNS / 10; n++) {
                    Map<String, AnswerValue> a = new LinkedHashMap<>(RandomResponses.of(measure, random).answers);
                    int p = random.nextInt(options - 1);
                    Integer dir = direction(scale.path("weights"), p, reversed);
                    if (dir == null) {
                        continue;
                    }
                    a.put(itemId.asText(), new AnswerValue.IntegerValue(p));
                    BigDecimal before = TestScoring.score(measure, a).value(scale.path("id").asText());
                    a.put(itemId.asText(), new AnswerValue.IntegerValue(p + 1));
                    BigDecimal after = TestScoring.score(measure, a).value(scale.path("id").asText());
                    if (before == null || after == null) {
                        assertThat(before == null).as("moving one answered item does not change presence").isEqualTo(after == null);
                        continue;
                    }
                    assertThat(after.compareTo(before) * dir).as(measure + " " + scale.path("id").asText() + " "
                            + itemId.asText() + " " + p + "->" + (p + 1)).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void phq9RiskAlertFiresExactlyWhenItem9IsAboveZero() {
        Random random = new Random(9);
        for (int n = 0; n < RUNS; n++) {
            RandomResponses r = RandomResponses.of("phq9", random);
            ScoreSet s = TestScoring.score("phq9", r.answers);
            AnswerValue q9 = r.answers.get("q9");
            boolean above = q9 != null && s.itemValues().get("q9").signum() > 0;
            assertThat(s.alerts().stream().anyMatch(a -> a.kind() == AlertKind.RISK)).isEqualTo(above);
            assertThat(s.alerts().stream().anyMatch(a -> a.kind() == AlertKind.RISK_UNANSWERED)).isEqualTo(q9 == null);
        }
    }

    /** Sign of the item score's change from position p to p + 1; null when either counts as missing. */
    private static Integer direction(JsonNode weights, int p, boolean reversed) {
        int sign;
        if (weights.isMissingNode()) {
            sign = 1;
        } else {
            if (weights.get(p).isNull() || weights.get(p + 1).isNull()) {
                return null;
            }
            sign = Integer.signum(weights.get(p + 1).decimalValue().compareTo(weights.get(p).decimalValue()));
        }
        return reversed ? -sign : sign;
    }

    private static long answered(JsonNode scale, Map<String, AnswerValue> answers, JsonNode rules) throws Exception {
        long n = 0;
        for (JsonNode i : scale.path("items")) {
            AnswerValue v = answers.get(i.asText());
            if (v == null) {
                continue;
            }
            if (scale.has("weights")) {
                int p = position(rules.path("measure").asText(), i.asText(), v);
                if (scale.path("weights").get(p).isNull()) {
                    continue;
                }
            }
            n++;
        }
        return n;
    }

    private static int position(String measure, String linkId, AnswerValue v) throws Exception {
        if (v instanceof AnswerValue.IntegerValue i) {
            return (int) i.value();
        }
        String code = ((AnswerValue.CodingValue) v).code();
        JsonNode options = items(measure).get(linkId).path("answerOption");
        for (int p = 0; p < options.size(); p++) {
            if (options.get(p).path("valueCoding").path("code").asText().equals(code)) {
                return p;
            }
        }
        throw new IllegalStateException(code);
    }

    private static void checkRange(JsonNode rule, ScaleScore sc) {
        if (sc.value() != null) {
            assertThat(sc.value()).as(sc.id()).isBetween(rule.path("range").get(0).decimalValue(),
                    rule.path("range").get(1).decimalValue());
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> items(String measure) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(RandomResponses.questionnaire(measure).path("item"), out);
        return out;
    }

    private static void collect(JsonNode items, Map<String, JsonNode> out) {
        for (JsonNode i : items) {
            out.put(i.path("linkId").asText(), i);
            collect(i.path("item"), out);
        }
    }
}
