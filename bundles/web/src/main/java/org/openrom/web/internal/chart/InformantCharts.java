package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ScoringService;
import org.openrom.web.internal.chart.ChartSpec.Axis;
import org.openrom.web.internal.chart.ChartSpec.Point;
import org.openrom.web.internal.chart.ChartSpec.RefLine;
import org.openrom.web.internal.chart.ChartSpec.Series;
import org.openrom.web.internal.chart.ChartSpec.Style;
import org.openrom.web.internal.chart.ChartSpec.Variant;

/**
 * The multi-informant view: the same construct as the young person, a parent and a teacher report it (e.g. SDQ
 * total difficulties from sdq-s, sdq-p and sdq-t) on one chart over the dates any of them answered. Informants
 * differ by marker shape and line style and are named in the legend; each informant's own cut-off (they differ)
 * is a dashed line in that informant's style. Reliable change is shown per measure, not here.
 */
final class InformantCharts {
    /** One informant's measure in a family. */
    record Member(MeasureHistory history, ChartRules rules) {}

    private final ScoringService scoring;

    InformantCharts(ScoringService scoring) {
        this.scoring = scoring;
    }

    Figure figure(String family, String label, List<Member> members, String scaleId) {
        TreeSet<LocalDate> days = new TreeSet<>();
        members.forEach(m -> m.history().occasions().forEach(o -> days.add(o.date())));
        List<LocalDate> x = List.copyOf(days);
        List<Series> series = new ArrayList<>();
        List<RefLine> lines = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        List<BigDecimal> extent = new ArrayList<>();
        boolean ranged = false;
        for (Member m : members) {
            String who = Words.informant(m.rules().informant()) + " (" + m.rules().title() + ")";
            Style style = Palette.informant(m.rules().informant());
            List<ScaleRow> rows = ScaleRow.of(m.history(), scaleId, scoring);
            List<Point> points = new ArrayList<>();
            for (ScaleRow r : rows) {
                String date = Words.date(r.occasion().date());
                points.add(new Point(x.indexOf(r.occasion().date()), r.value(), style.marker(), style.colour(),
                        r.value() == null ? "missing" : "score",
                        who + ", " + date + ": " + (r.value() == null ? "no score" : Words.number(r.value()))));
                table.add(row(date, who, r));
            }
            series.add(new Series(m.history().measureId(), who, style, points));
            Cutoff c = ScaleCharts.cutoff(m.rules(), scaleId, m.history());
            if (c != null) {
                lines.add(new RefLine(c.value(), style, who + " clinical range " + c.rangeText() + " (rules ["
                        + c.sourceText() + "])"));
                extent.add(c.value());
            }
            ChartRules.ScaleInfo info = m.rules().scale(scaleId);
            if (info.min() != null && info.max() != null) {
                extent.add(info.min());
                extent.add(info.max());
                ranged = true;
            }
            rows.stream().map(ScaleRow::value).filter(Objects::nonNull).forEach(extent::add);
        }
        Better better = agreed(members, scaleId);
        Axis axis = range(extent, ranged, Words.scale(scaleId));
        String title = label + " " + Words.scale(scaleId).toLowerCase(Locale.ROOT) + " by informant";
        String desc = String.join(", ", series.stream().map(Series::name).toList()) + ": reports of " + Words.scale(scaleId).toLowerCase(Locale.ROOT) + " from " + members.size()
                + " informants on " + x.size() + " dates. " + (better == null ? "" : better.sentence() + ". ")
                + "Each informant's clinical cut-off is a dashed line in that informant's style.";
        ChartSpec spec = new ChartSpec(Words.domId("chart", family, scaleId, "informants"), Variant.CLINICIAN, title,
                desc, better, x.stream().map(Words::date).toList(), axis, null, lines, series, List.of());
        return Figure.of(family, scaleId, "informants", spec, new DataTable(title, List.of("Date", "Informant",
                "Score", "Band (scheme)", "Notes"), table), "Reports as a table");
    }

    private static List<String> row(String date, String who, ScaleRow r) {
        if (r.value() == null) {
            return List.of(date, who, "no score", "", Objects.requireNonNull(r.missing()));
        }
        return List.of(date, who, Words.number(r.value()), Words.bands(Objects.requireNonNull(r.score())), "");
    }

    /** The union of the members' ranges from the rules; without ranges (T-scores), the data padded. */
    private static Axis range(List<BigDecimal> extent, boolean ranged, String name) {
        Axis padded = ScaleCharts.padded(extent, name);
        if (!ranged) {
            return padded;
        }
        BigDecimal lo = extent.stream().min(BigDecimal::compareTo).orElse(padded.min());
        BigDecimal hi = extent.stream().max(BigDecimal::compareTo).orElse(padded.max());
        return hi.compareTo(lo) > 0 ? new Axis(lo, hi, name + " (" + Words.number(lo) + "–" + Words.number(hi) + ")")
                : padded;
    }

    private static @Nullable Better agreed(List<Member> members, String scaleId) {
        Better first = members.get(0).rules().scale(scaleId).better();
        for (Member m : members) {
            if (m.rules().scale(scaleId).better() != first) {
                return null;
            }
        }
        return first;
    }
}
