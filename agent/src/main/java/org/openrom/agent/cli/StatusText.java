package org.openrom.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The status report as text for a terminal. */
final class StatusText {
    private StatusText() {}

    static String render(ObjectNode r) {
        StringBuilder b = new StringBuilder();
        b.append("Site ").append(r.path("site").asText()).append(" (status at ").append(r.path("generated").asText()).append(")\n");
        JsonNode last = r.path("lastSubmission");
        b.append("Last submission: ").append(last.isObject()
                ? last.path("quarter").asText() + ", batch " + last.path("sequence").asText() + ", acknowledged "
                        + last.path("acknowledgedAt").asText()
                : "none yet").append('\n');
        JsonNode next = r.path("nextSubmission");
        b.append("Next submission: ").append(next.path("quarter").asText()).append(", due ").append(next.path("due").asText())
                .append('\n');
        JsonNode undelivered = r.path("undelivered");
        b.append("Undelivered batches: ").append(undelivered.size()).append('\n');
        for (JsonNode u : undelivered) {
            b.append("  ").append(u.path("sequence").asText()).append(' ').append(u.path("quarter").asText()).append(' ')
                    .append(u.path("state").asText()).append(", ").append(u.path("attempts").asInt()).append(" attempt(s)");
            if (!u.path("lastError").isNull()) {
                b.append(", last error: ").append(u.path("lastError").asText());
            }
            b.append('\n');
        }
        b.append("Certificates:\n");
        for (JsonNode c : r.path("certificates")) {
            b.append("  ").append(c.path("role").asText()).append(' ').append(c.path("subject").asText()).append(": until ")
                    .append(c.path("notAfter").asText()).append(" (").append(c.path("daysLeft").asLong()).append(" days)\n");
        }
        if (!r.path("clockSkewSeconds").isNull()) {
            b.append("Clock difference from the collator: ").append(r.path("clockSkewSeconds").asLong()).append(" s\n");
        }
        JsonNode warnings = r.path("warnings");
        b.append(warnings.isEmpty() ? "No warnings.\n" : "Warnings:\n");
        for (JsonNode w : warnings) {
            b.append("  ").append(w.path("code").asText()).append(' ').append(w.path("message").asText()).append('\n');
        }
        return b.toString();
    }
}
