package org.openrom.api.scoring;

/**
 * How two scores sit against the scale's clinical cut-off.
 *
 * @since 1.0.0
 */
public enum CutoffCrossing {
    /** In the clinical range at first, not at last: CORC's "recovery" (Wolpert's crossing clinical threshold). */
    LEFT_CLINICAL_RANGE,
    /** Not in the clinical range at first, in it at last. */
    ENTERED_CLINICAL_RANGE,
    /** In the clinical range both times. */
    STAYED_IN_CLINICAL_RANGE,
    /** Out of the clinical range both times. */
    STAYED_OUT_OF_CLINICAL_RANGE,
    /** A score is missing or no cut-off applies; the reason says which. */
    NOT_COMPUTABLE
}
