package org.openrom.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.Issue;

/**
 * FHIR R4 OperationOutcomes from issues. Each issue gets its FHIR issue type, our stable code in
 * {@code details.coding} (system {@link #CODE_SYSTEM}), the sentence in {@code diagnostics} and, when it is about
 * an item, two {@code expression}s: the item's position ({@code QuestionnaireResponse.item[9]}, found in the body
 * as sent) and its linkId ({@code QuestionnaireResponse.repeat(item).where(linkId='q12')}). Thread-safe.
 */
final class OperationOutcomes {
    static final String CODE_SYSTEM = "http://openrom.org/fhir/CodeSystem/error-code";

    /** FHIR issue types for the codes whose meaning is sharper than {@code invalid}. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("QR-1001", "structure"),
            Map.entry("QR-1002", "structure"),
            Map.entry("QR-1003", "required"),
            Map.entry("QR-1004", "not-supported"),
            Map.entry("QR-1009", "required"),
            Map.entry("QR-1201", "structure"),
            Map.entry("QR-1202", "value"),
            Map.entry("QR-1203", "code-invalid"),
            Map.entry("QR-1204", "value"),
            Map.entry("QR-1205", "value"),
            Map.entry("QR-1206", "too-long"),
            Map.entry("QR-1207", "required"),
            Map.entry("QR-1208", "business-rule"),
            Map.entry("QR-1212", "business-rule"),
            Map.entry("API-1001", "too-costly"),
            Map.entry("API-1002", "too-costly"),
            Map.entry("API-1003", "too-long"),
            Map.entry("API-1004", "structure"),
            Map.entry("API-1005", "not-supported"),
            Map.entry("API-1006", "not-supported"),
            Map.entry("API-1007", "not-found"),
            Map.entry("API-1009", "structure"),
            Map.entry("API-1101", "login"),
            Map.entry("API-1102", "forbidden"),
            Map.entry("API-1103", "forbidden"),
            Map.entry("API-1104", "throttled"),
            Map.entry("API-1201", "required"),
            Map.entry("API-1202", "required"),
            Map.entry("API-1203", "required"),
            Map.entry("API-1204", "business-rule"),
            Map.entry("API-1205", "conflict"),
            Map.entry("API-1302", "transient"),
            Map.entry("API-1303", "exception"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationOutcomes() {}

    /** The FHIR issue type for one of our codes; {@code invalid} when none is sharper. */
    static String issueType(String code) {
        return TYPES.getOrDefault(code, "invalid");
    }

    /**
     * @param submitted the body as sent, already within the limits, to find each item's position; null when it
     *     could not be read
     */
    static ObjectNode of(List<Issue> issues, @Nullable JsonNode submitted) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        ArrayNode list = outcome.putArray("issue");
        for (Issue issue : issues) {
            ObjectNode i = list.addObject()
                    .put("severity", issue.severity().name().toLowerCase(Locale.ROOT))
                    .put("code", issueType(issue.code()));
            ObjectNode details = i.putObject("details");
            details.putArray("coding").addObject().put("system", CODE_SYSTEM).put("code", issue.code());
            details.put("text", issue.code());
            i.put("diagnostics", issue.message());
            if (issue.linkId() != null) {
                ArrayNode expression = i.putArray("expression");
                String position = submitted == null ? null : ItemPaths.find(submitted, issue.linkId());
                if (position != null) {
                    expression.add(position);
                }
                expression.add("QuestionnaireResponse.repeat(item).where(linkId='"
                        + issue.linkId().replace("\\", "\\\\").replace("'", "\\'") + "')");
            }
        }
        return outcome;
    }
}
