package org.openrom.web.internal.chart;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.page.Layout;

/**
 * The clinician's progress page (template {@code chart/progress.jte}).
 *
 * @param layout the clinician's layout
 * @param patientId the young person's id
 * @param name the young person's name
 * @param measure the measure shown alone; null for the overview
 * @param measures the measures the young person has answered, for the page's own navigation
 * @param figures the charts
 */
public record ProgressPage(Layout layout, String patientId, String name, @Nullable String measure,
        List<MeasureLink> measures, List<Figure> figures) {

    public ProgressPage {
        measures = List.copyOf(measures);
        figures = List.copyOf(figures);
    }

    /** A measure in the page's navigation; {@code current} when it is the one shown. */
    public record MeasureLink(String id, String title, boolean current) {}
}
