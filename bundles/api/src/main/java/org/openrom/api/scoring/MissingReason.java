package org.openrom.api.scoring;

/**
 * Why a scale has no value. A scale that cannot be scored is never reported as 0.
 *
 * @since 1.0.0
 */
public enum MissingReason {
    /** Fewer items answered than the scale's minimum. */
    TOO_FEW_ANSWERS,
    /** A component scale of a derived scale (e.g. a total) is missing. */
    COMPONENT_MISSING,
    /** A question the scale depends on (e.g. the SDQ impact screening question) was not answered. */
    SCREENING_UNANSWERED,
    /** T-scores need a norm table and the content pack has none for this measure. */
    NO_NORMS,
    /** The norms do not cover this young person (age or grade outside the tables, sex not female or male). */
    OUTSIDE_NORMS
}
