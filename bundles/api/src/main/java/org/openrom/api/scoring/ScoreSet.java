package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The scores of one response. Derived data: it can always be recomputed from the raw answers.
 *
 * @param measureId the measure, e.g. {@code phq9}
 * @param rulesVersion the version of the measure's scoring rules that produced it
 * @param ageYears the age used for norms and cut-offs; null when unknown
 * @param sex the sex used for norms and cut-offs
 * @param scales every scale the measure's rules define, in their order (item scales, derived scales, T-scores)
 * @param itemValues each answered choice or numeric item's value as given: the option position as printed (from 0),
 *     or the number; free text and dates are not included
 * @param alerts risk and discussion alerts, empty when there are none
 * @since 1.0.0
 */
public record ScoreSet(
        String measureId,
        String rulesVersion,
        @Nullable Integer ageYears,
        Sex sex,
        List<ScaleScore> scales,
        Map<String, BigDecimal> itemValues,
        List<Alert> alerts) {

    /** @throws NullPointerException when a required argument is null */
    public ScoreSet {
        requireNonNull(measureId, "measureId");
        requireNonNull(rulesVersion, "rulesVersion");
        requireNonNull(sex, "sex");
        scales = List.copyOf(scales);
        itemValues = Collections.unmodifiableMap(new LinkedHashMap<>(itemValues));
        alerts = List.copyOf(alerts);
    }

    /** One scale by id, or empty when the measure has no such scale. */
    public Optional<ScaleScore> scale(String id) {
        return scales.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** A scale's value; null when it is missing or unknown. */
    public @Nullable BigDecimal value(String id) {
        return scale(id).map(ScaleScore::value).orElse(null);
    }
}
