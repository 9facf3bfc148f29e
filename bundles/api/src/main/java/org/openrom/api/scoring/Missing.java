package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

/**
 * Why a scale has no value, with a sentence for people.
 *
 * @param reason the kind of reason
 * @param detail a sentence naming the scale and what was missing, e.g. "emotional: 2 of 5 items answered, 3 needed"
 * @since 1.0.0
 */
public record Missing(MissingReason reason, String detail) {
    /** @throws NullPointerException when an argument is null */
    public Missing {
        requireNonNull(reason, "reason");
        requireNonNull(detail, "detail");
    }
}
