package org.openrom.api.fhir;

import static java.util.Objects.requireNonNull;

/**
 * One answer to one item.
 *
 * @param linkId the item's linkId, e.g. {@code q9}
 * @param value the answer
 * @since 1.0.0
 */
public record Answer(String linkId, AnswerValue value) {
    public Answer {
        requireNonNull(linkId, "linkId");
        requireNonNull(value, "value");
    }
}
