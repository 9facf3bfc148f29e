package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A measure in the catalogue.
 *
 * @param id the measure id, e.g. {@code rcads-c}
 * @param title a short title, e.g. {@code RCADS}
 * @param informant who answers, e.g. {@code parent}
 * @param licensedText true when item text is not shipped and comes from a content pack
 * @param textAvailable for a licensed measure, whether the loaded content pack has its text (in any language);
 *     always true for a free measure
 * @param scales the ids of every scale a score set of this measure has
 * @param headlineScale the scale used in multi-measure verdicts; null when none
 * @since 1.0.0
 */
public record MeasureInfo(
        String id,
        String title,
        String informant,
        boolean licensedText,
        boolean textAvailable,
        List<String> scales,
        @Nullable String headlineScale) {
    /** @throws NullPointerException when a required argument is null */
    public MeasureInfo {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(informant, "informant");
        scales = List.copyOf(scales);
    }
}
