package org.openrom.api.fhir;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A QuestionnaireResponse reduced to what scoring and storage need.
 *
 * @param id the resource's logical id; the store de-duplicates on it. Null when the client sent none.
 * @param questionnaire the canonical the response answers, e.g. {@code http://openrom.org/fhir/Questionnaire/phq9|1.0.0}
 * @param measureId the measure id of that Questionnaire, e.g. {@code phq9}
 * @param status the FHIR status code, e.g. {@code completed}
 * @param subject the reference to the young person, e.g. {@code Patient/123}; null when absent
 * @param authored when the answers were given; null when absent
 * @param answers every answer in document order (a repeating item gives several)
 * @param json the response as received
 * @since 1.0.0
 */
public record CapturedResponse(
        @Nullable String id,
        String questionnaire,
        String measureId,
        String status,
        @Nullable String subject,
        @Nullable OffsetDateTime authored,
        List<Answer> answers,
        String json) {

    public CapturedResponse {
        requireNonNull(questionnaire, "questionnaire");
        requireNonNull(measureId, "measureId");
        requireNonNull(status, "status");
        answers = List.copyOf(answers);
        requireNonNull(json, "json");
    }

    /** The first answer to each item, by linkId, in document order. */
    public Map<String, AnswerValue> answersByLinkId() {
        Map<String, AnswerValue> byLinkId = new LinkedHashMap<>();
        for (Answer a : answers) {
            byLinkId.putIfAbsent(a.linkId(), a.value());
        }
        return byLinkId;
    }
}
