package org.openrom.web.internal.clinician;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.page.Layout;

/**
 * The feedback after a save, rendered in the same request (template {@code clinician/feedback.jte}).
 *
 * @param layout the layout
 * @param title the measure's title
 * @param patientName the young person's name
 * @param patientPath the young person's page, under {@code /openrom}
 * @param repeat true when this response id was already stored (the form was sent twice; stored once)
 * @param scores one row per scale
 * @param sinceFirst change since the first response of this measure; empty when this is the first
 * @param firstDate the first response's date; empty when none
 * @param sinceLast change since the previous response; empty when this is the first
 * @param lastDate the previous response's date; empty when none
 * @param reliableChange the reliable-change verdict on the headline scale since the first response, or why there is
 *     none
 * @param crossing how the headline scale sits against the clinical cut-off, first to now, or why that is unknown
 * @param risk the risk banner; null when the response raised no risk alert
 * @param discussion discussion prompts (e.g. a low session rating)
 */
public record FeedbackPage(Layout layout, String title, String patientName, String patientPath, boolean repeat,
        List<ScoreRow> scores, List<ChangeRow> sinceFirst, String firstDate, List<ChangeRow> sinceLast, String lastDate,
        String reliableChange, String crossing, @Nullable RiskBanner risk, List<String> discussion) {

    /** A scale: its value or why it is missing (never 0 for missing), and its band under each scheme. */
    public record ScoreRow(String scale, @Nullable String value, @Nullable String missing, boolean prorated,
            List<BandCell> bands) {}

    /** A band and the scheme it belongs to, e.g. {@code abnormal} under {@code sdq-3band}. */
    public record BandCell(String label, String scheme) {}

    /** A scale's change: values, difference, reliable-change verdict and cut-off crossing, in words. */
    public record ChangeRow(String scale, String first, String last, String difference, String verdict,
            String crossing) {}
}
