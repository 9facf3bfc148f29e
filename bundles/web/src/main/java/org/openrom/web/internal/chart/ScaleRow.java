package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ScaleChange;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringService;

/**
 * One occasion of one scale: the score or why it is missing, and the change from the first score of the scale
 * (the engine's verdict, with the direction and threshold from the measure's data).
 *
 * @param occasion the response
 * @param score the scale's score; null when it has no value
 * @param missing why there is no value; null when there is one
 * @param baseline true for the first scored occasion, which changes are measured from
 * @param change the change from the baseline; null for the baseline and for missing scores
 */
record ScaleRow(Occasion occasion, @Nullable ScaleScore score, @Nullable String missing, boolean baseline,
        @Nullable ScaleChange change) {

    @Nullable BigDecimal value() {
        return score == null ? null : score.value();
    }

    static List<ScaleRow> of(MeasureHistory history, String scaleId, ScoringService scoring) {
        List<ScaleRow> rows = new ArrayList<>();
        ScoreSet base = null;
        for (Occasion o : history.occasions()) {
            ScoreSet set = o.scores();
            ScaleScore s = set == null ? null : set.scale(scaleId).orElse(null);
            if (set == null || s == null || s.value() == null) {
                rows.add(new ScaleRow(o, null, reason(o, s, scaleId), false, null));
            } else if (base == null) {
                base = set;
                rows.add(new ScaleRow(o, s, null, true, null));
            } else {
                ScaleChange c = scoring.change(base, set).scale(scaleId).orElse(null);
                rows.add(new ScaleRow(o, s, null, false, c));
            }
        }
        return rows;
    }

    private static String reason(Occasion o, @Nullable ScaleScore s, String scaleId) {
        if (o.problem() != null) {
            return o.problem();
        }
        if (s == null) {
            return "this response has no " + Words.scale(scaleId).toLowerCase(java.util.Locale.ROOT) + " scale";
        }
        return s.missing() == null ? "no value" : s.missing().detail();
    }

    /** The first reliable-change threshold the engine applied, with its source; null when none applies. */
    static @Nullable ScaleChange withThreshold(List<ScaleRow> rows) {
        for (ScaleRow r : rows) {
            if (r.change() != null && r.change().threshold() != null) {
                return r.change();
            }
        }
        return null;
    }

    /** The score set of the latest scored occasion (age and sex pick the cut-off); null when none is scored. */
    static @Nullable ScoreSet latestScored(List<Occasion> occasions) {
        ScoreSet latest = null;
        for (Occasion o : occasions) {
            if (o.scores() != null) {
                latest = o.scores();
            }
        }
        return latest;
    }
}
