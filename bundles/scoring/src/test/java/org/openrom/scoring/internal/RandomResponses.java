package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.profiles.Profiles;

/**
 * Random answers to a measure's Questionnaire, as a QuestionnaireResponse (JSON, same item nesting) and as the
 * engine's answer map. Items are left out at a per-response rate so missing and prorated paths are hit.
 */
final class RandomResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    final String qrJson;
    final Map<String, AnswerValue> answers;

    private RandomResponses(String qrJson, Map<String, AnswerValue> answers) {
        this.qrJson = qrJson;
        this.answers = answers;
    }

    static JsonNode questionnaire(String measure) {
        try {
            return JSON.readTree(Profiles.questionnaire(measure).orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RandomResponses of(String measure, Random random) {
        double[] rates = {0, 0, 0.1, 0.3, 0.6};
        double skip = rates[random.nextInt(rates.length)];
        ObjectNode qr = JSON.createObjectNode();
        qr.put("resourceType", "QuestionnaireResponse");
        qr.put("questionnaire", Profiles.QUESTIONNAIRE_BASE + measure);
        qr.put("status", "completed");
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        fill(questionnaire(measure).path("item"), qr.putArray("item"), answers, random, skip);
        return new RandomResponses(qr.toString(), answers);
    }

    private static void fill(JsonNode items, ArrayNode out, Map<String, AnswerValue> answers, Random random, double skip) {
        for (JsonNode item : items) {
            String type = item.path("type").asText();
            String linkId = item.path("linkId").asText();
            if (type.equals("group")) {
                ObjectNode g = out.addObject().put("linkId", linkId);
                fill(item.path("item"), g.putArray("item"), answers, random, skip);
                continue;
            }
            if (type.equals("display") || item.path("readOnly").asBoolean() || random.nextDouble() < skip) {
                continue;
            }
            ObjectNode answer = JSON.createObjectNode();
            switch (type) {
                case "choice" -> {
                    JsonNode options = item.path("answerOption");
                    int p = random.nextInt(options.size());
                    JsonNode coding = options.get(p).path("valueCoding");
                    answer.putObject("valueCoding").put("system", coding.path("system").asText())
                            .put("code", coding.path("code").asText());
                    answers.put(linkId, random.nextBoolean()
                            ? new AnswerValue.CodingValue(coding.path("system").asText(), coding.path("code").asText(), null)
                            : new AnswerValue.IntegerValue(p));
                }
                case "integer" -> {
                    int v = random.nextInt(11);
                    answer.put("valueInteger", v);
                    answers.put(linkId, new AnswerValue.IntegerValue(v));
                }
                case "decimal" -> {
                    BigDecimal v = BigDecimal.valueOf(random.nextInt(101), 1);
                    answer.put("valueDecimal", v);
                    answers.put(linkId, new AnswerValue.DecimalValue(v));
                }
                default -> {
                    continue; // free text is not scored
                }
            }
            ObjectNode i = out.addObject().put("linkId", linkId);
            i.putArray("answer").add(answer);
        }
    }
}
