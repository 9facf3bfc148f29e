package org.openrom.web.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the site-admin page shows of the agent, read from its {@code agent-status.json} (schema
 * {@code openrom-agent-status/1}, agent/README.md). Problems reading the file are themselves warnings: a missing,
 * unreadable or stale report must be as loud as a failed batch (G8).
 *
 * @param reported when the agent wrote the report; null when there is none
 * @param lastSubmission the last acknowledged batch; null when none has been
 * @param nextQuarter the quarter the next batch is for, e.g. {@code 2026-27-Q3}; null when unknown
 * @param nextDue when the next batch is due; null when unknown
 * @param undelivered batches sealed but without a verified receipt
 * @param recent the most recent batches, newest first
 * @param certificates the site, CA and collator certificates with days left
 * @param warnings the agent's warnings and ours, each with its code
 */
public record AgentStatus(
        @Nullable Instant reported,
        @Nullable Batch lastSubmission,
        @Nullable String nextQuarter,
        @Nullable String nextDue,
        List<Batch> undelivered,
        List<Batch> recent,
        List<Certificate> certificates,
        List<Warning> warnings) {

    /** The agent wrote nothing for this long: its {@code run} service is probably not running. */
    static final Duration STALE = Duration.ofHours(26);
    static final String SCHEMA = "openrom-agent-status/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Batch(long sequence, String quarter, String state, long attempts, @Nullable String sealedAt,
            @Nullable String acknowledgedAt, @Nullable String lastError, @Nullable String receivedAt) {}

    public record Certificate(String role, String subject, String notAfter, long daysLeft) {}

    public record Warning(String code, String message) {}

    /** True when nothing needs the administrator's attention. */
    public boolean healthy() {
        return warnings.isEmpty();
    }

    /** Reads the report at {@code file} as of {@code now}; never throws for a missing or bad file. */
    public static AgentStatus read(Path file, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return problem("AD-1001", "The submission agent has not reported yet: no " + file.getFileName()
                    + " in " + file.getParent() + ". Enrol the site and start 'openrom agent run' (agent/README.md).");
        } catch (IOException e) {
            return problem("AD-1002", "The agent's status file " + file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            return problem("AD-1002", "The agent's status file " + file + " is not an " + SCHEMA + " report.");
        }
        List<Warning> warnings = new ArrayList<>();
        Instant reported = instant(root.path("generated").asText(null));
        if (reported == null) {
            warnings.add(new Warning("AD-1002", "The agent's status report carries no time."));
        } else if (reported.plus(STALE).isBefore(now)) {
            warnings.add(new Warning("AD-1003", "The agent has not reported for "
                    + Duration.between(reported, now).toHours() + " hours: is 'openrom agent run' running?"));
        }
        root.path("warnings").forEach(w -> warnings.add(new Warning(w.path("code").asText("AG-?"),
                w.path("message").asText(""))));
        List<Batch> recent = batches(root.path("batches"));
        recent.sort((a, b) -> Long.compare(b.sequence(), a.sequence()));
        JsonNode next = root.path("nextSubmission");
        JsonNode last = root.path("lastSubmission");
        return new AgentStatus(reported, last.isObject() ? batch(last) : null, next.path("quarter").asText(null),
                next.path("due").asText(null), batches(root.path("undelivered")), recent,
                certificates(root.path("certificates")), List.copyOf(warnings));
    }

    private static AgentStatus problem(String code, String message) {
        return new AgentStatus(null, null, null, null, List.of(), List.of(), List.of(),
                List.of(new Warning(code, message)));
    }

    private static List<Batch> batches(JsonNode array) {
        List<Batch> out = new ArrayList<>();
        array.forEach(b -> out.add(batch(b)));
        return out;
    }

    private static Batch batch(JsonNode b) {
        return new Batch(b.path("sequence").asLong(), b.path("quarter").asText("?"), b.path("state").asText("?"),
                b.path("attempts").asLong(), b.path("sealedAt").asText(null), b.path("acknowledgedAt").asText(null),
                b.path("lastError").asText(null), b.path("receipt").path("received").asText(null));
    }

    private static List<Certificate> certificates(JsonNode array) {
        List<Certificate> out = new ArrayList<>();
        array.forEach(c -> out.add(new Certificate(c.path("role").asText("?"), c.path("subject").asText(""),
                c.path("notAfter").asText(""), c.path("daysLeft").asLong())));
        return out;
    }

    private static @Nullable Instant instant(@Nullable String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
