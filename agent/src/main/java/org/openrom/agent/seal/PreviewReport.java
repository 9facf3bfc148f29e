package org.openrom.agent.seal;

import java.util.Map;

/**
 * What {@link Preview} found: what would leave, how complete it is, and how identifiable.
 *
 * @param counts resources per type
 * @param rows outbox rows (responses)
 * @param lastSeq largest outbox seq selected (0 when none)
 * @param episodes episodes in the payload
 * @param episodesWithPairedMeasure episodes with at least one measure answered at two or more time points
 * @param pairedMeasures (episode, measure) pairs with at least two responses: first and last can be compared
 * @param idleCases open episodes whose latest response is older than the idle threshold (or that have none)
 * @param patientsWithoutRecord patients with responses but no row in the {@code patient} table
 * @param smallestGroup k: the smallest group of patients sharing age band, gender, outward postcode and ethnicity
 *     (0 when there are no patients)
 * @param patientsInSmallGroups patients in groups smaller than 5
 * @param groupSizes group size → number of groups of that size
 */
public record PreviewReport(
        BatchCounts counts,
        long rows,
        long lastSeq,
        long episodes,
        long episodesWithPairedMeasure,
        long pairedMeasures,
        long idleCases,
        long patientsWithoutRecord,
        long smallestGroup,
        long patientsInSmallGroups,
        Map<Long, Long> groupSizes) {

    /** The k threshold the report checks against. */
    public static final int K = 5;

    public PreviewReport {
        groupSizes = Map.copyOf(groupSizes);
    }

    /** Share of episodes with a paired measure, 0–1 (0 when there are no episodes). */
    public double completeness() {
        return episodes == 0 ? 0 : (double) episodesWithPairedMeasure / episodes;
    }
}
