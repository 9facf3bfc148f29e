package org.openrom.web.internal.clinician;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The kind of session a clinician is seeing a young person in; it picks the measures due. */
public enum SessionKind {
    ASSESSMENT("Assessment"),
    ONGOING("Ongoing session"),
    REVIEW("Review"),
    CLOSE("Closing session");

    private final String label;

    SessionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower-case name used in URLs and configuration, e.g. {@code review}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a key, or null when the key names none (the caller picks the default). */
    static @Nullable SessionKind ofKey(@Nullable String key) {
        for (SessionKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }
}
