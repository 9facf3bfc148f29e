package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scale of a score set: a value, or missing with the reason.
 *
 * @param id the scale id, e.g. {@code emotional}, {@code total}, {@code depression_t}
 * @param value the score; null exactly when {@code missing} is set
 * @param missing why there is no value; null when there is one
 * @param answered for an item-based scale, how many of its items were answered (the count a prorated value was
 *     computed from); for derived and T-score scales, null
 * @param items for an item-based scale, how many items it has; otherwise null
 * @param prorated true when the value was computed from fewer items than the scale has (or, for a T-score, from a
 *     prorated raw score)
 * @param bands the band under each scheme that applies, in the order the rules list them; empty when missing
 * @since 1.0.0
 */
public record ScaleScore(
        String id,
        @Nullable BigDecimal value,
        @Nullable Missing missing,
        @Nullable Integer answered,
        @Nullable Integer items,
        boolean prorated,
        List<Band> bands) {

    /** @throws IllegalArgumentException unless exactly one of value and missing is set */
    public ScaleScore {
        requireNonNull(id, "id");
        bands = List.copyOf(bands);
        if ((value == null) == (missing == null)) {
            throw new IllegalArgumentException("scale " + id + " needs exactly one of value and missing");
        }
    }

    /** True when the scale has a value. */
    public boolean present() {
        return value != null;
    }

    /** The band under one scheme, or null when the value is missing or the scheme does not apply. */
    public @Nullable Band band(String scheme) {
        for (Band b : bands) {
            if (b.scheme().equals(scheme)) {
                return b;
            }
        }
        return null;
    }
}
