package org.openrom.web.internal.youngperson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.openrom.profiles.Profiles;

/** FHIR R4 QuestionnaireResponses built from the shipped Questionnaires: a choice answer given as its position. */
final class QrJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QrJson() {}

    /** {@code answers}: linkId, value pairs; Integer = option position (choice) or integer, String = text. */
    static String of(String id, String patient, String measure, String authored, Object... answers) throws Exception {
        JsonNode q = JSON.readTree(Profiles.questionnaire(measure).orElseThrow());
        ObjectNode qr = JSON.createObjectNode().put("resourceType", "QuestionnaireResponse").put("id", id)
                .put("questionnaire", Profiles.QUESTIONNAIRE_BASE + measure + "|1.0.0").put("status", "completed")
                .put("authored", authored);
        qr.putObject("subject").put("reference", "Patient/" + patient);
        ArrayNode items = qr.putArray("item");
        for (int i = 0; i < answers.length; i += 2) {
            String linkId = (String) answers[i];
            JsonNode item = find(q.path("item"), linkId);
            ObjectNode answer = items.addObject().put("linkId", linkId).putArray("answer").addObject();
            Object v = answers[i + 1];
            switch (item.path("type").asText()) {
                case "choice" -> answer.set("valueCoding", item.path("answerOption").get((Integer) v).path("valueCoding"));
                case "integer" -> answer.put("valueInteger", (Integer) v);
                case "decimal" -> answer.put("valueDecimal", (BigDecimal) v);
                default -> answer.put("valueString", (String) v);
            }
        }
        return JSON.writeValueAsString(qr);
    }

    /** PHQ-9 with every item at one position (item 9 at 0: no risk alert). */
    static String phq9(String id, String patient, String authored, int position) throws Exception {
        Object[] a = new Object[18];
        for (int k = 0; k < 9; k++) {
            a[2 * k] = "q" + (k + 1);
            a[2 * k + 1] = k == 8 ? 0 : position;
        }
        return of(id, patient, "phq9", authored, a);
    }

    private static JsonNode find(JsonNode items, String linkId) {
        for (JsonNode item : items) {
            if (item.path("linkId").asText().equals(linkId)) {
                return item;
            }
            JsonNode inner = find(item.path("item"), linkId);
            if (!inner.isMissingNode()) {
                return inner;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
