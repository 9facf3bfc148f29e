package org.openrom.web.internal.clinician;

import java.util.List;
import org.openrom.web.internal.page.Layout;

/**
 * The thank-you page after a hand-over (template {@code clinician/handover-done.jte}): the young person's own
 * progress in plain words, as figures (charts, when the chart package provides them) or as a table.
 *
 * @param layout the layout (hand-over: no navigation)
 * @param givenName the young person's given name
 * @param figures chart figures as safe, already-escaped HTML from the chart package; empty when none
 * @param rows the young person's scores, one row per response, when there are no charts
 */
public record HandoverDonePage(Layout layout, String givenName, List<gg.jte.Content> figures, List<Row> rows) {
    /** A response's headline score in plain words. */
    public record Row(String measure, String date, String score, String words) {}
}
