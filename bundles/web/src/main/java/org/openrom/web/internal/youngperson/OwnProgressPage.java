package org.openrom.web.internal.youngperson;

import java.util.List;
import org.openrom.web.internal.chart.Figure;
import org.openrom.web.internal.page.Layout;

/**
 * The young person's own page (template {@code youngperson/progress.jte}), reached by a link or a kiosk code.
 *
 * @param layout an anonymous layout: no clinician navigation
 * @param givenName the first name only
 * @param figures their charts
 */
public record OwnProgressPage(Layout layout, String givenName, List<Figure> figures) {
    public OwnProgressPage {
        figures = List.copyOf(figures);
    }
}
