package org.openrom.api.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A response as kept on the site: the raw FHIR resource and its derived scores.
 *
 * @param responseId the QuestionnaireResponse's logical id; unique in the store
 * @param patientId the young person's host id
 * @param episodeId the episode of care, when known
 * @param measureId the measure, e.g. {@code phq9}
 * @param authored when the answers were given
 * @param fhirJson the raw QuestionnaireResponse, always kept so scores can be recomputed
 * @param scoresJson the derived score set as JSON; may be {@code "{}"} before scoring exists
 * @since 1.0.0
 */
public record StoredResponse(
        String responseId,
        String patientId,
        @Nullable String episodeId,
        String measureId,
        Instant authored,
        String fhirJson,
        String scoresJson) {

    /** @throws IllegalArgumentException when the response id is blank */
    public StoredResponse {
        requireNonNull(responseId, "responseId");
        requireNonNull(patientId, "patientId");
        requireNonNull(measureId, "measureId");
        requireNonNull(authored, "authored");
        requireNonNull(fhirJson, "fhirJson");
        requireNonNull(scoresJson, "scoresJson");
        if (responseId.isBlank()) {
            throw new IllegalArgumentException("response id is blank");
        }
    }
}
