package org.openrom.api.scoring;

/**
 * NHS Talking Therapies recovery.
 *
 * @since 1.0.0
 */
public enum Recovery {
    /** A case at the first paired score and not a case at the last. */
    RECOVERED,
    /** A case at the first paired score and still a case at the last. */
    NOT_RECOVERED,
    /** Not a case at the first paired score: recovery does not apply. */
    NOT_A_CASE_AT_FIRST,
    /** A total is missing; the notes say which. */
    NOT_COMPUTABLE
}
