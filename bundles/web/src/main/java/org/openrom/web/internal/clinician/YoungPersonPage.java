package org.openrom.web.internal.clinician;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.page.Layout;

/**
 * One young person (template {@code clinician/patient.jte}).
 *
 * @param layout the layout
 * @param id the host's patient id
 * @param name the young person's name
 * @param age age in years today
 * @param risks risk banners still to acknowledge (and those acknowledged in the last days, showing who and when)
 * @param episodes every episode of care, oldest first
 * @param open the open episode with the measures due; null when none is open
 * @param latest the latest score of each measure answered
 * @param csrf the session's token for the hand-over and link forms
 */
public record YoungPersonPage(Layout layout, String id, String name, int age, List<RiskBanner> risks,
        List<EpisodeRow> episodes, @Nullable OpenEpisode open, List<Latest> latest, String csrf) {

    public record EpisodeRow(String id, String service, String referral, String closed) {}

    /**
     * The open episode: the session kind chosen (assessment for the first session), the measures due for it and
     * every other measure.
     */
    public record OpenEpisode(String id, String service, List<Kind> kinds, List<Measure> due, List<Measure> others) {}

    public record Kind(String key, String label, boolean selected) {}

    /** A measure to fill in: its form's path, when it was last answered in this episode, a missing-text note. */
    public record Measure(String id, String title, String formPath, String lastAnswered, boolean textMissing) {}

    /** The latest headline score of a measure. */
    public record Latest(String measure, String date, String scale, String value, String band) {}
}
