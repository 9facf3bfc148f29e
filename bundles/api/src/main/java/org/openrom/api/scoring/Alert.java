package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Something in a response that a clinician must see, raised whatever the scales' state.
 *
 * @param kind what the alert asks for
 * @param code the rule's id from the measure's data, e.g. {@code phq9-item9}
 * @param linkId the item it is about; null when it is about a scale
 * @param scale the scale it is about; null when it is about an item
 * @param value the answer (option position as printed, from 0) or scale value that raised it; null when unanswered
 * @param message a sentence for the clinician
 * @param source where the rule comes from
 * @since 1.0.0
 */
public record Alert(
        AlertKind kind,
        String code,
        @Nullable String linkId,
        @Nullable String scale,
        @Nullable BigDecimal value,
        String message,
        Source source) {
    /** @throws NullPointerException when kind, code, message or source is null */
    public Alert {
        requireNonNull(kind, "kind");
        requireNonNull(code, "code");
        requireNonNull(message, "message");
        requireNonNull(source, "source");
    }
}
