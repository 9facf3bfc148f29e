package org.openrom.api.scoring;

import java.util.Locale;

/**
 * The sex used to pick norms and sex-specific cut-offs. Norm tables are binary; {@link #OTHER} and
 * {@link #UNKNOWN} give raw scores only.
 *
 * @since 1.0.0
 */
public enum Sex {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Recorded, but neither female nor male: raw scores only where norms are binary. */
    OTHER,
    /** Not recorded. */
    UNKNOWN;

    /** The lower-case JSON name, e.g. {@code female}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code female}, {@code male}, {@code other} or {@code unknown} (any case).
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static Sex parse(String value) {
        for (Sex s : values()) {
            if (s.name().equalsIgnoreCase(value.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("sex must be female, male, other or unknown: " + value);
    }
}
