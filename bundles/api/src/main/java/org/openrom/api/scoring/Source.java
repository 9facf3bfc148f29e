package org.openrom.api.scoring;

/**
 * Where a number in the scoring rules comes from (the tags of MEASURES.md), so a site can see what is unconfirmed.
 *
 * @since 1.0.0
 */
public enum Source {
    /** [V] checked against a public source. */
    VERIFIED("V"),
    /** [M] from the literature as remembered, not yet checked. */
    REMEMBERED("M"),
    /** [D] a design decision where no authoritative rule was found. */
    DECIDED("D");

    private final String tag;

    Source(String tag) {
        this.tag = tag;
    }

    /** The one-letter tag used in the rules files: {@code V}, {@code M} or {@code D}. */
    public String tag() {
        return tag;
    }

    /**
     * The source for a tag.
     *
     * @throws IllegalArgumentException naming the tag when it is not V, M or D
     */
    public static Source ofTag(String tag) {
        for (Source s : values()) {
            if (s.tag.equals(tag)) {
                return s;
            }
        }
        throw new IllegalArgumentException("source tag must be V, M or D: " + tag);
    }
}
