package org.openrom.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.schedule.Quarter;
import org.openrom.agent.state.AgentState;
import org.openrom.agent.state.BatchRecord;
import org.openrom.agent.state.BatchState;

/**
 * The agent's status as JSON ({@code openrom-agent-status/1}, shape in agent/README.md): what {@code status} prints
 * and what is written to {@code agent-status.json} after every state change for the site-admin page.
 */
public final class StatusReport {
    /** An undelivered batch older than this is a warning (T11). */
    static final Duration UNDELIVERED_WARNING = Duration.ofHours(72);
    /** A clock further than this from the collator's is a warning (T14). */
    static final Duration SKEW_WARNING = Duration.ofMinutes(5);
    static final String SKEW_KEY = "clock.skew.seconds";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AgentConfig config;
    private final Clock clock;

    public StatusReport(AgentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Builds the report. {@code certificates}: site (leaf first), then CA and collator; empty before enrolment. */
    public ObjectNode build(AgentState state, List<X509Certificate> siteChain, List<X509Certificate> collator,
            @Nullable String identityProblem) throws SQLException {
        Instant now = clock.instant();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "openrom-agent-status/1");
        root.put("site", config.siteId());
        root.put("generated", now.toString());
        ArrayNode warnings = JSON.createArrayNode();
        if (identityProblem != null) {
            warn(warnings, "AG-4005", identityProblem);
        }
        List<BatchRecord> recent = state.recent(12);
        root.set("lastSubmission", lastAcknowledged(state));
        Quarter last = state.lastQuarter();
        ObjectNode next = root.putObject("nextSubmission");
        Quarter nextQuarter = last == null ? config.schedule().latestDue(now) : last.next();
        next.put("quarter", nextQuarter.id());
        next.put("due", config.schedule().due(nextQuarter).toString());
        if (config.schedule().due(nextQuarter).plus(Duration.ofDays(1)).isBefore(now)) {
            warn(warnings, "AG-4007", "the batch for " + nextQuarter.id() + " was due " + config.schedule().due(nextQuarter)
                    + " and has not been sealed (is 'openrom agent run' running?)");
        }
        ArrayNode undelivered = root.putArray("undelivered");
        for (BatchRecord b : state.inState(BatchState.SEALING, BatchState.SEALED, BatchState.SENDING, BatchState.STOPPED)) {
            undelivered.add(batch(b));
            batchWarnings(warnings, b, now);
        }
        ArrayNode batches = root.putArray("batches");
        recent.forEach(b -> batches.add(batch(b)));
        ArrayNode certs = root.putArray("certificates");
        for (int i = 0; i < siteChain.size() && i < 1; i++) {
            certs.add(certificate("site", siteChain.get(i), now, warnings));
        }
        for (X509Certificate c : collator) {
            certs.add(certificate(c.getBasicConstraints() >= 0 ? "ca" : "collator", c, now, warnings));
        }
        String skew = state.get(SKEW_KEY).orElse(null);
        if (skew == null) {
            root.putNull("clockSkewSeconds");
        } else {
            long seconds = Long.parseLong(skew);
            root.put("clockSkewSeconds", seconds);
            if (Math.abs(seconds) > SKEW_WARNING.toSeconds()) {
                warn(warnings, "AG-4004", "clock skew suspected: the collator's clock differs from this computer's by "
                        + seconds + " s; check the time settings");
            }
        }
        root.set("warnings", warnings);
        return root;
    }

    /** Writes the report atomically (temporary file, then rename) to {@code file}. */
    public static void write(ObjectNode report, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), report);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static String toJson(ObjectNode report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    private static @Nullable ObjectNode lastAcknowledged(AgentState state) throws SQLException {
        List<BatchRecord> acked = state.inState(BatchState.ACKNOWLEDGED, BatchState.PURGED);
        if (acked.isEmpty()) {
            return null;
        }
        BatchRecord b = acked.get(acked.size() - 1);
        ObjectNode n = batch(b);
        if (b.receiptJson() != null) {
            try {
                n.set("receipt", JSON.readTree(b.receiptJson()));
            } catch (IOException e) {
                n.put("receipt", b.receiptJson());
            }
        }
        return n;
    }

    private static ObjectNode batch(BatchRecord b) {
        ObjectNode n = JSON.createObjectNode();
        n.put("batchId", b.batchId());
        n.put("sequence", b.sequence());
        n.put("quarter", b.quarter().id());
        n.put("state", b.state().name());
        n.put("bytes", b.bytes());
        n.put("attempts", b.attempts());
        n.put("lastError", b.lastError());
        n.put("lastAttempt", str(b.lastAttempt()));
        n.put("sealedAt", str(b.sealedAt()));
        n.put("acknowledgedAt", str(b.acknowledgedAt()));
        return n;
    }

    private void batchWarnings(ArrayNode warnings, BatchRecord b, Instant now) {
        if (b.state() == BatchState.STOPPED) {
            warn(warnings, "AG-4002", "batch " + b.sequence() + " (" + b.quarter().id() + ") stopped: " + b.lastError()
                    + "; fix the cause, then run 'openrom agent submit-now'");
        } else if (b.state() == BatchState.SEALING && b.lastError() != null) {
            warn(warnings, "AG-4006", "sealing " + b.quarter().id() + " failed: " + b.lastError());
        } else if (b.sealedAt() != null && b.sealedAt().plus(UNDELIVERED_WARNING).isBefore(now)) {
            warn(warnings, "AG-4001", "batch " + b.sequence() + " (" + b.quarter().id() + ") undelivered for more than 72 h"
                    + (b.lastError() == null ? "" : "; last error: " + b.lastError()));
        }
    }

    private ObjectNode certificate(String role, X509Certificate c, Instant now, ArrayNode warnings) {
        ObjectNode n = JSON.createObjectNode();
        n.put("role", role);
        n.put("subject", c.getSubjectX500Principal().getName());
        n.put("notAfter", c.getNotAfter().toInstant().toString());
        long days = Duration.between(now, c.getNotAfter().toInstant()).toDays();
        n.put("daysLeft", days);
        if (c.getNotBefore().toInstant().isAfter(now)) {
            warn(warnings, "AG-4003", "the " + role + " certificate is not valid until " + c.getNotBefore().toInstant()
                    + "; is this computer's clock right? (the collator refuses it until then)");
        } else if (c.getNotAfter().toInstant().isBefore(now)) {
            warn(warnings, "AG-4003", "the " + role + " certificate expired on " + c.getNotAfter().toInstant());
        } else if (days < config.certificateWarnDays()) {
            warn(warnings, "AG-4003", "the " + role + " certificate expires in " + days + " days ("
                    + c.getNotAfter().toInstant() + ")" + (role.equals("site") ? "; run 'openrom agent rotate-key'" : ""));
        }
        return n;
    }

    private static void warn(ArrayNode warnings, String code, String message) {
        warnings.addObject().put("code", code).put("message", message);
    }

    private static @Nullable String str(@Nullable Instant i) {
        return i == null ? null : i.toString();
    }
}
