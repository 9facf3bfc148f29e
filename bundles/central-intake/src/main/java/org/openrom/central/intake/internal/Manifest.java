package org.openrom.central.intake.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The batch's {@code manifest.json} (ADR 0004), parsed and checked for shape. */
record Manifest(String site, String batchId, long sequence, String quarter, LocalDate start, LocalDate end, Instant created,
        String recipientName, List<String> recipientCertificates, Map<String, Long> counts, long payloadBytes,
        long payloadLines, String payloadSha256) {

    static final String SCHEMA = "openrom-batch/1";
    static final String PAYLOAD_NAME = "payload.ndjson.gz";
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-\\d{2}-Q[1-4]|\\d{4}-Q[1-4]");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    static Manifest parse(byte[] json, ObjectMapper mapper) throws IntakeException {
        JsonNode m;
        try {
            m = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw bad("manifest.json is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw bad("manifest.json cannot be read: " + e.getMessage());
        }
        if (m == null || !m.isObject()) {
            throw bad("manifest.json is not a JSON object");
        }
        String schema = text(m, "schema");
        if (!SCHEMA.equals(schema)) {
            throw new IntakeException(ErrorCode.UNKNOWN_SCHEMA, "manifest schema '" + schema + "' is not known here (expected "
                    + SCHEMA + ")");
        }
        JsonNode quarter = object(m, "quarter");
        JsonNode recipient = object(m, "recipient");
        JsonNode payload = object(m, "payload");
        String quarterId = text(quarter, "id");
        if (!QUARTER.matcher(quarterId).matches()) {
            throw bad("quarter.id '" + quarterId + "' is not YYYY-YY-Qn or YYYY-Qn");
        }
        LocalDate start = date(quarter, "start");
        LocalDate end = date(quarter, "end");
        if (end.isBefore(start)) {
            throw bad("quarter.end " + end + " is before quarter.start " + start);
        }
        Instant created;
        try {
            created = Instant.parse(text(m, "created"));
        } catch (DateTimeParseException e) {
            throw bad("created '" + m.get("created").asText() + "' is not an ISO-8601 UTC instant");
        }
        List<String> certs = new ArrayList<>();
        JsonNode list = recipient.get("certificates");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw bad("recipient.certificates must be a non-empty array of hex SHA-256");
        }
        for (JsonNode c : list) {
            if (!c.isTextual() || !HEX64.matcher(c.asText()).matches()) {
                throw bad("recipient.certificates holds '" + c + "', not a lower-case hex SHA-256");
            }
            certs.add(c.asText());
        }
        if (!PAYLOAD_NAME.equals(text(payload, "name"))) {
            throw bad("payload.name is '" + text(payload, "name") + "', not " + PAYLOAD_NAME);
        }
        String sha = text(payload, "sha256");
        if (!HEX64.matcher(sha).matches()) {
            throw bad("payload.sha256 '" + sha + "' is not a lower-case hex SHA-256");
        }
        long sequence = number(m, "sequence");
        if (sequence < 1) {
            throw bad("sequence " + sequence + " is not 1 or more");
        }
        return new Manifest(text(m, "site"), text(m, "batchId"), sequence, quarterId, start, end, created,
                text(recipient, "collator"), List.copyOf(certs), counts(object(m, "counts")), number(payload, "bytes"),
                number(payload, "lines"), sha);
    }

    private static Map<String, Long> counts(JsonNode counts) throws IntakeException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
                throw bad("counts." + e.getKey() + " is " + e.getValue() + ", not a count");
            }
            out.put(e.getKey(), e.getValue().asLong());
        }
        return out;
    }

    private static IntakeException bad(String message) {
        return new IntakeException(ErrorCode.BAD_MANIFEST, message);
    }

    private static JsonNode object(JsonNode parent, String field) throws IntakeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw bad("manifest has no object '" + field + "'");
        }
        return n;
    }

    private static String text(JsonNode parent, String field) throws IntakeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw bad("manifest has no text field '" + field + "'");
        }
        return n.asText();
    }

    private static long number(JsonNode parent, String field) throws IntakeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw bad("manifest has no whole number '" + field + "'");
        }
        return n.asLong();
    }

    private static LocalDate date(JsonNode parent, String field) throws IntakeException {
        String s = text(parent, field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw bad("quarter." + field + " '" + s + "' is not a date (YYYY-MM-DD)");
        }
    }
}
