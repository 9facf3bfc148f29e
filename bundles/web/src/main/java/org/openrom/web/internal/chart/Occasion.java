package org.openrom.web.internal.chart;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ScoreSet;

/**
 * One stored response of a measure, scored again from its raw answers.
 *
 * @param responseId the response's id
 * @param date the day it was answered, in the site's zone
 * @param scores the score set; null when the response can no longer be scored
 * @param problem why there are no scores (a sentence without answers); null when there are
 * @param texts free-text answers by linkId (goal wording, {@code goal-1-text} …); they are patient data and are only
 *     ever shown escaped
 */
public record Occasion(String responseId, LocalDate date, @Nullable ScoreSet scores, @Nullable String problem,
        Map<String, String> texts) {
    public Occasion {
        requireNonNull(responseId, "responseId");
        requireNonNull(date, "date");
        texts = Map.copyOf(texts);
        if ((scores == null) == (problem == null)) {
            throw new IllegalArgumentException("occasion " + responseId + " needs exactly one of scores and problem");
        }
    }
}
