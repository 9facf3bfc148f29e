package org.openrom.central.intake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a site may send: the allow-list in {@code allow-list.json} (data, mirrored in docs/batch-format.md). A
 * resource passes when its type is listed, every top-level field is allowed, the required ones are there, no
 * forbidden key (names, addresses, free text …) appears at any depth, and its id is a FHIR id.
 */
final class ResourceRules {
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private record TypeRule(Set<String> required, Set<String> allowed) {}

    private final Map<String, TypeRule> types = new HashMap<>();
    private final Set<String> forbidden = new HashSet<>();

    ResourceRules(ObjectMapper json) {
        try (InputStream in = ResourceRules.class.getResourceAsStream("/org/openrom/central/intake/allow-list.json")) {
            if (in == null) {
                throw new IllegalStateException("allow-list.json missing from the bundle");
            }
            JsonNode root = json.readTree(in);
            root.get("forbiddenAnywhere").forEach(n -> forbidden.add(n.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("types").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                types.put(e.getKey(), new TypeRule(strings(e.getValue().get("required")), strings(e.getValue().get("allowed"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read allow-list.json", e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    Set<String> resourceTypes() {
        return Set.copyOf(types.keySet());
    }

    /** @return the resource's type; throws naming the line and what was wrong */
    String check(ObjectNode resource, long line) throws IntakeException {
        JsonNode typeNode = resource.get("resourceType");
        String type = typeNode == null || !typeNode.isTextual() ? null : typeNode.asText();
        TypeRule rule = type == null ? null : types.get(type);
        if (rule == null) {
            throw new IntakeException(ErrorCode.RESOURCE_TYPE_NOT_ALLOWED, "line " + line + ": resourceType " + typeNode
                    + " is not one a site may send " + List.copyOf(new java.util.TreeSet<>(types.keySet())));
        }
        for (Iterator<String> it = resource.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!rule.allowed().contains(field)) {
                throw new IntakeException(ErrorCode.FIELD_NOT_ALLOWED,
                        "line " + line + ": " + type + "." + field + " is not on the allow-list for what a site may send");
            }
        }
        for (String field : rule.required()) {
            if (resource.get(field) == null || resource.get(field).isNull()) {
                throw new IntakeException(ErrorCode.FIELD_MISSING, "line " + line + ": " + type + " has no " + field);
            }
        }
        JsonNode id = resource.get("id");
        if (!id.isTextual() || !FHIR_ID.matcher(id.asText()).matches()) {
            throw new IntakeException(ErrorCode.BAD_ID, "line " + line + ": " + type + ".id is not a FHIR id (1–64 of A-Z a-z 0-9 - .)");
        }
        if (type.equals("Patient")) {
            checkPatientShapes(resource, line);
        }
        forbiddenKeys(resource, type, line);
        return type;
    }

    /** The pseudonym's systems (docs/batch-format.md): which canonical id the site keyed. */
    static final Set<String> PSEUDONYM_SYSTEMS =
            Set.of("http://openrom.org/fhir/sid/pseudonym-nhs", "http://openrom.org/fhir/sid/pseudonym-local");
    /** A UK outward code (postcode district), e.g. LS1, SW1A, B33: never a full postcode. */
    static final Pattern OUTWARD_CODE = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?");

    /**
     * Patient.identifier and Patient.address may carry only what docs/batch-format.md says: one identifier whose
     * value is the pseudonym (= id, re-keyed with it), and one address with only the outward code. Checked here
     * exactly, then removed from the forbidden-key walk.
     */
    private static void checkPatientShapes(ObjectNode patient, long line) throws IntakeException {
        JsonNode identifier = patient.get("identifier");
        if (identifier != null) {
            JsonNode only = identifier.isArray() && identifier.size() == 1 ? identifier.get(0) : null;
            if (only == null || !only.isObject() || only.size() != 2
                    || !PSEUDONYM_SYSTEMS.contains(only.path("system").asText())
                    || !only.path("value").asText().equals(patient.path("id").asText())) {
                throw new IntakeException(ErrorCode.FIELD_NOT_ALLOWED, "line " + line
                        + ": Patient.identifier may only be the pseudonym (one entry, a pseudonym system, value = id)");
            }
        }
        JsonNode address = patient.get("address");
        if (address != null) {
            JsonNode only = address.isArray() && address.size() == 1 ? address.get(0) : null;
            if (only == null || !only.isObject() || only.size() != 1
                    || !OUTWARD_CODE.matcher(only.path("postalCode").asText()).matches()) {
                throw new IntakeException(ErrorCode.FIELD_NOT_ALLOWED, "line " + line
                        + ": Patient.address may only be one postalCode that is an outward code (e.g. LS1)");
            }
        }
    }

    private void forbiddenKeys(JsonNode node, String path, long line) throws IntakeException {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean shaped = path.equals("Patient") && (e.getKey().equals("identifier") || e.getKey().equals("address"));
                if (shaped) {
                    continue;
                }
                if (forbidden.contains(e.getKey())) {
                    throw new IntakeException(ErrorCode.FIELD_NOT_ALLOWED, "line " + line + ": " + path + "." + e.getKey()
                            + " may carry identifying data or free text and never leaves a site");
                }
                forbiddenKeys(e.getValue(), path + "." + e.getKey(), line);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                forbiddenKeys(n, path, line);
            }
        }
    }
}
