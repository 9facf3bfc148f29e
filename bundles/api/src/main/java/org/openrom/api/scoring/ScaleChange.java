package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The change on one scale between a first and a last response of the same measure and informant.
 *
 * @param scale the scale id
 * @param first the first value; null when missing
 * @param last the last value; null when missing
 * @param difference {@code last − first}; null when either is missing
 * @param threshold the effective reliable-change threshold (rounded up for integer scales); null when none applies
 * @param thresholdSource where the threshold comes from; null when none applies
 * @param verdict reliable improvement, deterioration, no reliable change, or not computable
 * @param verdictReason why the verdict is {@link ChangeVerdict#NOT_COMPUTABLE}; otherwise null
 * @param crossing how the two values sit against the clinical cut-off
 * @param crossingReason why the crossing is {@link CutoffCrossing#NOT_COMPUTABLE}; otherwise null
 * @since 1.0.0
 */
public record ScaleChange(
        String scale,
        @Nullable BigDecimal first,
        @Nullable BigDecimal last,
        @Nullable BigDecimal difference,
        @Nullable BigDecimal threshold,
        @Nullable Source thresholdSource,
        ChangeVerdict verdict,
        @Nullable String verdictReason,
        CutoffCrossing crossing,
        @Nullable String crossingReason) {

    /** @throws NullPointerException when scale, verdict or crossing is null */
    public ScaleChange {
        requireNonNull(scale, "scale");
        requireNonNull(verdict, "verdict");
        requireNonNull(crossing, "crossing");
    }

    /** CORC's "recovery": from the clinical range at first to outside it at last. */
    public boolean recovery() {
        return crossing == CutoffCrossing.LEFT_CLINICAL_RANGE;
    }

    /** Reliable recovery: "recovery" and reliable improvement on this scale. */
    public boolean reliableRecovery() {
        return recovery() && verdict == ChangeVerdict.RELIABLE_IMPROVEMENT;
    }
}
