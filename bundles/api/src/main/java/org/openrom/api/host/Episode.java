package org.openrom.api.host;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An episode of care: from referral to discharge.
 *
 * @param id the host's episode id
 * @param patientId the young person's host id
 * @param service the team or service, as the host names it
 * @param referralDate date the referral was received
 * @param closedDate date the episode closed; null while open
 * @since 1.0.0
 */
public record Episode(String id, String patientId, String service, LocalDate referralDate, @Nullable LocalDate closedDate) {

    /** @throws IllegalArgumentException when the episode closes before it starts */
    public Episode {
        requireNonNull(id, "id");
        requireNonNull(patientId, "patientId");
        requireNonNull(service, "service");
        requireNonNull(referralDate, "referralDate");
        if (closedDate != null && closedDate.isBefore(referralDate)) {
            throw new IllegalArgumentException("episode " + id + " closes " + closedDate + " before referral " + referralDate);
        }
    }

    /** True while the episode has not closed. */
    public boolean isOpen() {
        return closedDate == null;
    }
}
