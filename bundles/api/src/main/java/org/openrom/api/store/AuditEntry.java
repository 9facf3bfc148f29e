package org.openrom.api.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One row of the site's audit log, as {@link ResponseStore#audited} reads it back.
 *
 * @param at when the row was written
 * @param actor the host id of the user (or {@code system})
 * @param action what was done, e.g. {@code acknowledge-risk}
 * @param object what it was done to, e.g. {@code response/qr-1}
 * @since 1.3.0
 */
public record AuditEntry(Instant at, String actor, String action, String object) {
    public AuditEntry {
        requireNonNull(at, "at");
        requireNonNull(actor, "actor");
        requireNonNull(action, "action");
        requireNonNull(object, "object");
    }
}
