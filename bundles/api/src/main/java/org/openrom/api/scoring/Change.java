package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The change between two responses of the same measure (and so the same informant), scale by scale.
 *
 * @param measureId the measure
 * @param headlineScale the scale the measure's data names for multi-measure verdicts; null when it has none
 * @param scales one entry per scale present in the measure's rules, in their order
 * @since 1.0.0
 */
public record Change(String measureId, @Nullable String headlineScale, List<ScaleChange> scales) {

    /** @throws NullPointerException when measureId or scales is null */
    public Change {
        requireNonNull(measureId, "measureId");
        scales = List.copyOf(scales);
    }

    /** One scale's change, or empty when the measure has no such scale. */
    public Optional<ScaleChange> scale(String id) {
        return scales.stream().filter(s -> s.scale().equals(id)).findFirst();
    }

    /** The headline scale's change, or empty when the measure has no headline scale. */
    public Optional<ScaleChange> headline() {
        return headlineScale == null ? Optional.empty() : scale(headlineScale);
    }
}
