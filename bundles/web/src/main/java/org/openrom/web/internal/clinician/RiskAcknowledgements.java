package org.openrom.web.internal.clinician;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openrom.api.host.Clinician;
import org.openrom.api.store.ResponseStore;

/**
 * Who acknowledged which response's risk alert, and when. The durable record is the audit row
 * ({@code acknowledge-risk response/<id>}, written before anything is shown); the store offers no way to read the
 * audit log back, so this in-memory copy is what the pages show, and after a restart a banner shows again until
 * someone acknowledges it again (the safe direction). Thread-safe.
 */
final class RiskAcknowledgements {
    /** An acknowledgement. */
    record Ack(String clinicianId, String displayName, Instant at) {}

    private final ResponseStore store;
    private final Map<String, Ack> acks = new ConcurrentHashMap<>();

    RiskAcknowledgements(ResponseStore store) {
        this.store = store;
    }

    /** Records the acknowledgement in the audit log (durably), then in memory; a second one keeps the first. */
    Ack acknowledge(Clinician who, String responseId, Instant now) {
        store.audit(who.id(), "acknowledge-risk", "response/" + responseId);
        return acks.computeIfAbsent(responseId, id -> new Ack(who.id(), who.displayName(), now));
    }

    Optional<Ack> find(String responseId) {
        return Optional.ofNullable(acks.get(responseId));
    }
}
