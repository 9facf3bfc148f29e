package org.openrom.web.internal.chart;

import org.jspecify.annotations.Nullable;

/** Which way is better on a scale, from the rules' {@code direction}. */
enum Better {
    LOWER("Lower is better"),
    HIGHER("Higher is better");

    private final String sentence;

    Better(String sentence) {
        this.sentence = sentence;
    }

    /** "Lower is better" or "Higher is better": plain enough for both versions of a chart. */
    String sentence() {
        return sentence;
    }

    static @Nullable Better ofRules(String direction) {
        return switch (direction) {
            case "higher_is_worse" -> LOWER;
            case "higher_is_better" -> HIGHER;
            default -> null;
        };
    }
}
