package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * CORC's multi-measure verdict for one case (MEASURES.md §11.2): reliable improvement when at least one measure
 * reliably improved and none reliably deteriorated; reliable deterioration when one or more did; no reliable change
 * when every computable measure stayed within its threshold; not computable when none was computable.
 *
 * @param verdict the case's verdict
 * @param considered the headline-scale change of each measure given, in the order given
 * @param notes sentences on measures left out (no headline scale, not computable)
 * @since 1.0.0
 */
public record CaseVerdict(ChangeVerdict verdict, List<ScaleChange> considered, List<String> notes) {
    /** @throws NullPointerException when an argument is null */
    public CaseVerdict {
        requireNonNull(verdict, "verdict");
        considered = List.copyOf(considered);
        notes = List.copyOf(notes);
    }
}
