package org.openrom.web.internal.clinician;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openrom.api.host.Clinician;
import org.openrom.api.store.AuditEntry;
import org.openrom.api.store.ResponseStore;

/**
 * Who acknowledged which response's risk alert, and when. The record is the audit row
 * ({@code acknowledge-risk response/<id>}), written durably before anything is shown and read back from the store,
 * so an acknowledgement survives a restart. The first acknowledgement counts. Acknowledgements are remembered once
 * read; a response not yet acknowledged is looked up again each time (one indexed read). Thread-safe.
 */
final class RiskAcknowledgements {
    static final String ACTION = "acknowledge-risk";

    /**
     * An acknowledgement. {@code displayName} is the clinician's name when acknowledged in this run; read back
     * from the audit log, which names users by their host id only, it is that id.
     */
    record Ack(String clinicianId, String displayName, Instant at) {}

    private final ResponseStore store;
    private final Map<String, Ack> acks = new ConcurrentHashMap<>();

    RiskAcknowledgements(ResponseStore store) {
        this.store = store;
    }

    /** Records the acknowledgement in the audit log (durably); a second one is recorded too, the first is shown. */
    Ack acknowledge(Clinician who, String responseId, Instant now) {
        Optional<Ack> earlier = find(responseId);
        store.audit(who.id(), ACTION, object(responseId));
        return earlier.orElseGet(() -> acks.computeIfAbsent(responseId, id -> new Ack(who.id(), who.displayName(), now)));
    }

    Optional<Ack> find(String responseId) {
        Ack known = acks.get(responseId);
        if (known != null) {
            return Optional.of(known);
        }
        List<AuditEntry> rows = store.audited(ACTION, object(responseId));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        AuditEntry first = rows.get(0);
        return Optional.of(acks.computeIfAbsent(responseId, id -> new Ack(first.actor(), first.actor(), first.at())));
    }

    private static String object(String responseId) {
        return "response/" + responseId;
    }
}
