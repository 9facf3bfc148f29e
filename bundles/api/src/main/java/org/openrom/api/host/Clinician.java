package org.openrom.api.host;

import static java.util.Objects.requireNonNull;

/**
 * A signed-in user of the host.
 *
 * @param id the host's stable id for this user
 * @param displayName the name shown on screen
 * @param role what the user may do in OpenROM
 * @since 1.0.0
 */
public record Clinician(String id, String displayName, Role role) {

    /** What a signed-in user may do. */
    public enum Role {
        /** Sees and records measures for their own caseload. */
        CLINICIAN,
        /** Configures the site and the agent; sees no clinical content. */
        SITE_ADMIN
    }

    /** @throws IllegalArgumentException when {@code id} is blank */
    public Clinician {
        requireNonNull(id, "id");
        requireNonNull(displayName, "displayName");
        requireNonNull(role, "role");
        if (id.isBlank()) {
            throw new IllegalArgumentException("clinician id is blank");
        }
    }
}
