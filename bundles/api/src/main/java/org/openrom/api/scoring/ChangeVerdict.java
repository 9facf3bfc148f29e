package org.openrom.api.scoring;

/**
 * Reliable change between two scores (Jacobson &amp; Truax): reliable when |last − first| ≥ the threshold; for
 * integer scales the threshold is rounded up. Direction comes from the measure's data.
 *
 * @since 1.0.0
 */
public enum ChangeVerdict {
    /** Changed by at least the threshold in the better direction. */
    RELIABLE_IMPROVEMENT,
    /** Changed by at least the threshold in the worse direction. */
    RELIABLE_DETERIORATION,
    /** Changed by less than the threshold. */
    NO_RELIABLE_CHANGE,
    /** A score is missing or the measure's data has no threshold; the reason says which. */
    NOT_COMPUTABLE
}
