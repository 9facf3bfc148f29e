package org.openrom.web.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A young person's responses to one measure, oldest first.
 *
 * @param measureId the measure
 * @param occasions one per stored response, oldest first
 */
public record MeasureHistory(String measureId, List<Occasion> occasions) {
    public MeasureHistory {
        requireNonNull(measureId, "measureId");
        occasions = List.copyOf(occasions);
    }
}
