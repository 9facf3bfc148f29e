package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The NHS Talking Therapies outcome of a PHQ-9 and GAD-7 pair (MEASURES.md §8): caseness (PHQ-9 ≥ 10 or GAD-7 ≥ 8),
 * reliable improvement (PHQ-9 down by ≥ 6 and/or GAD-7 down by ≥ 4 with no reliable deterioration on the other),
 * reliable deterioration, recovery and reliable recovery. Thresholds come from the measures' data.
 *
 * @param caseAtFirst whether the first pair is a case; null when a first total is missing
 * @param caseAtLast whether the last pair is a case; null when a last total is missing
 * @param reliableChange the combined reliable-change verdict
 * @param recovery recovery, or why it does not apply
 * @param reliableRecovery recovery and reliable improvement
 * @param phq9 the PHQ-9 total's change
 * @param gad7 the GAD-7 total's change
 * @param notes sentences explaining a not-computable result or a mixed one
 * @since 1.0.0
 */
public record TalkingTherapiesOutcome(
        @Nullable Boolean caseAtFirst,
        @Nullable Boolean caseAtLast,
        ChangeVerdict reliableChange,
        Recovery recovery,
        boolean reliableRecovery,
        ScaleChange phq9,
        ScaleChange gad7,
        List<String> notes) {
    /** @throws NullPointerException when a required argument is null */
    public TalkingTherapiesOutcome {
        requireNonNull(reliableChange, "reliableChange");
        requireNonNull(recovery, "recovery");
        requireNonNull(phq9, "phq9");
        requireNonNull(gad7, "gad7");
        notes = List.copyOf(notes);
    }
}
