package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The band a scale value falls in under one banding scheme. Bands are inclusive ranges.
 *
 * @param scheme the scheme, e.g. {@code sdq-3band}, {@code sdq-4band}, {@code phq9-severity}
 * @param label the band, e.g. {@code borderline}
 * @param min the band's lower bound (inclusive); null when unbounded
 * @param max the band's upper bound (inclusive); null when unbounded
 * @param source where the band's bounds come from
 * @since 1.0.0
 */
public record Band(String scheme, String label, @Nullable BigDecimal min, @Nullable BigDecimal max, Source source) {
    /** @throws NullPointerException when scheme, label or source is null */
    public Band {
        requireNonNull(scheme, "scheme");
        requireNonNull(label, "label");
        requireNonNull(source, "source");
    }
}
