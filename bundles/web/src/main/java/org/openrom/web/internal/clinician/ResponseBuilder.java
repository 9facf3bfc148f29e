package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.clinician.Questionnaire.Choice;
import org.openrom.web.internal.clinician.Questionnaire.Condition;
import org.openrom.web.internal.clinician.Questionnaire.Question;

/**
 * Turns a posted form (fields named by linkId; a radio button's value is the option's position from 0) into a FHIR
 * R4 QuestionnaireResponse, shaped like its Questionnaire (groups nest). Empty fields are left out; so are answers to
 * items whose {@code enableWhen} is not met (the form has no script to hide them). Values that are not numbers where
 * a number is asked for are problems by linkId; everything else is checked by the fhir bundle. Thread-safe.
 */
final class ResponseBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest value accepted in one field before anything else is looked at (the API's string limit). */
    static final int MAX_FIELD = 10_000;

    /** The response as JSON, and problems with single fields by linkId (empty when none). */
    record Built(String json, Map<String, String> problems) {}

    Built build(Questionnaire q, Map<String, String> form, String responseId, String patientId, String authored) {
        ObjectNode qr = JSON.createObjectNode();
        qr.put("resourceType", "QuestionnaireResponse");
        qr.put("id", responseId);
        qr.put("questionnaire", q.canonical());
        qr.put("status", "completed");
        qr.putObject("subject").put("reference", "Patient/" + patientId);
        qr.put("authored", authored);
        Map<String, String> problems = new LinkedHashMap<>();
        ArrayNode items = JSON.createArrayNode();
        add(q, q.questions(), form, items, problems);
        if (!items.isEmpty()) {
            qr.set("item", items);
        }
        return new Built(qr.toString(), problems);
    }

    private void add(Questionnaire q, Iterable<Question> questions, Map<String, String> form, ArrayNode into,
            Map<String, String> problems) {
        for (Question question : questions) {
            if (question.readOnly() || question.type().equals("display") || !enabled(q, question, form)) {
                continue;
            }
            if (question.type().equals("group")) {
                ArrayNode children = JSON.createArrayNode();
                add(q, question.children(), form, children, problems);
                if (!children.isEmpty()) {
                    into.addObject().put("linkId", question.linkId()).set("item", children);
                }
                continue;
            }
            String raw = form.getOrDefault(question.linkId(), "").strip();
            if (raw.isEmpty()) {
                continue;
            }
            ObjectNode answer = answer(question, raw, problems);
            if (answer != null) {
                ObjectNode item = into.addObject().put("linkId", question.linkId());
                item.putArray("answer").add(answer);
            }
        }
    }

    private static @Nullable ObjectNode answer(Question question, String raw, Map<String, String> problems) {
        ObjectNode answer = JSON.createObjectNode();
        switch (question.type()) {
            case "choice" -> {
                Choice c = choice(question, raw);
                if (c == null) {
                    problems.put(question.linkId(), "Choose one of the options.");
                    return null;
                }
                ObjectNode coding = answer.putObject("valueCoding");
                if (c.system() != null) {
                    coding.put("system", c.system());
                }
                coding.put("code", c.code()).put("display", c.display());
            }
            case "integer" -> {
                if (!raw.matches("-?\\d{1,9}")) {
                    problems.put(question.linkId(), "Give a whole number" + range(question) + ".");
                    return null;
                }
                answer.put("valueInteger", Integer.parseInt(raw));
            }
            case "decimal" -> {
                if (!raw.matches("-?\\d{1,9}([.,]\\d{1,3})?")) {
                    problems.put(question.linkId(), "Give a number" + range(question) + ", e.g. 4.5.");
                    return null;
                }
                answer.put("valueDecimal", new BigDecimal(raw.replace(',', '.')));
            }
            default -> answer.put("valueString", raw.replace("\r\n", "\n"));
        }
        return answer;
    }

    private static @Nullable Choice choice(Question question, String raw) {
        if (!raw.matches("\\d{1,3}")) {
            return null;
        }
        int position = Integer.parseInt(raw);
        return position < question.options().size() ? question.options().get(position) : null;
    }

    static String range(Question q) {
        return q.min() != null && q.max() != null
                ? " from " + q.min().stripTrailingZeros().toPlainString() + " to " + q.max().stripTrailingZeros().toPlainString()
                : "";
    }

    /** enableWhen with behaviour "any": enabled when some condition's question has that coded answer. */
    static boolean enabled(Questionnaire q, Question question, Map<String, String> form) {
        if (question.enableWhen().isEmpty()) {
            return true;
        }
        for (Condition c : question.enableWhen()) {
            Question asked = find(q.questions(), c.question());
            String raw = form.getOrDefault(c.question(), "").strip();
            if (asked != null) {
                Choice chosen = choice(asked, raw);
                if (chosen != null && chosen.code().equals(c.code())) {
                    return true;
                }
            }
        }
        return false;
    }

    static @Nullable Question find(Iterable<Question> questions, String linkId) {
        for (Question q : questions) {
            if (q.linkId().equals(linkId)) {
                return q;
            }
            Question inner = find(q.children(), linkId);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
