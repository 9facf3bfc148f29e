package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.CapturedResponse;

/**
 * What to score: a measure, its answers by linkId, and the demographics that pick norms and cut-offs.
 *
 * <p>A choice answer is either the option's {@link AnswerValue.CodingValue} (as a QuestionnaireResponse carries
 * it) or an {@link AnswerValue.IntegerValue} holding the option's position as printed, counting from 0. Numeric
 * items (ORS lines, GBO ratings) take an integer or decimal value.
 *
 * @param measureId the measure, e.g. {@code sdq-p}
 * @param answers answers by linkId; unanswered items are absent
 * @param ageYears age in whole years at the time of the answers; null when unknown
 * @param sex the sex for norms and cut-offs
 * @since 1.0.0
 */
public record ScoringRequest(String measureId, Map<String, AnswerValue> answers, @Nullable Integer ageYears, Sex sex) {

    /** @throws IllegalArgumentException when the age is negative */
    public ScoringRequest {
        requireNonNull(measureId, "measureId");
        requireNonNull(sex, "sex");
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        if (ageYears != null && ageYears < 0) {
            throw new IllegalArgumentException("age must not be negative: " + ageYears);
        }
    }

    /** A request for a parsed QuestionnaireResponse (the first answer of each item). */
    public static ScoringRequest of(CapturedResponse response, @Nullable Integer ageYears, Sex sex) {
        return new ScoringRequest(response.measureId(), response.answersByLinkId(), ageYears, sex);
    }
}
