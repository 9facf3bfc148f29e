package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ChangeVerdict;
import org.openrom.api.scoring.ScaleChange;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringService;
import org.openrom.web.internal.chart.ChartSpec.Axis;
import org.openrom.web.internal.chart.ChartSpec.Band;
import org.openrom.web.internal.chart.ChartSpec.Key;
import org.openrom.web.internal.chart.ChartSpec.Marker;
import org.openrom.web.internal.chart.ChartSpec.Point;
import org.openrom.web.internal.chart.ChartSpec.Series;
import org.openrom.web.internal.chart.ChartSpec.Variant;

/** One scale of one measure over time, in the clinician version (detail) and the young-person version (plain). */
final class ScaleCharts {
    private final ScoringService scoring;

    ScaleCharts(ScoringService scoring) {
        this.scoring = scoring;
    }

    Figure clinician(MeasureHistory h, ChartRules rules, String scaleId) {
        List<ScaleRow> rows = ScaleRow.of(h, scaleId, scoring);
        Cutoff cutoff = cutoff(rules, scaleId, h);
        Axis axis = axis(rules.scale(scaleId), rows, cutoff, Words.scale(scaleId));
        ScaleChange rc = ScaleRow.withThreshold(rows);
        String series = rules.title() + " " + Words.scale(scaleId).toLowerCase(java.util.Locale.ROOT);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            points.add(clinicianPoint(i, rows.get(i)));
        }
        List<Key> keys = rc == null ? List.of() : List.of(
                new Key(Marker.DIAMOND, Palette.IMPROVED, "Reliable improvement from the first score"),
                new Key(Marker.CROSS, Palette.WORSE, "Reliable deterioration from the first score"));
        Band band = cutoff == null ? null : band(cutoff, axis, "Clinical range " + cutoff.rangeText()
                + " (rules [" + cutoff.sourceText() + "])");
        Better better = rules.scale(scaleId).better();
        String title = rules.title() + " (" + Words.informant(rules.informant()).toLowerCase(java.util.Locale.ROOT)
                + "): " + Words.scale(scaleId);
        ChartSpec spec = new ChartSpec(Words.domId("chart", h.measureId(), scaleId), Variant.CLINICIAN, title,
                clinicianText(rows, better, cutoff, rc), better, dates(rows), axis, band, List.of(),
                List.of(new Series(h.measureId(), series, Palette.series(0), points)), keys);
        return Figure.of(h.measureId(), scaleId, "clinician", spec, clinicianTable(title, rows),
                "Scores as a table");
    }

    Figure youngPerson(MeasureHistory h, ChartRules rules, String scaleId) {
        List<ScaleRow> rows = ScaleRow.of(h, scaleId, scoring);
        Cutoff cutoff = cutoff(rules, scaleId, h);
        Axis axis = axis(rules.scale(scaleId), rows, cutoff, "Your score");
        List<Point> points = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScaleRow r = rows.get(i);
            String date = Words.date(r.occasion().date());
            String value = r.value() == null ? "no score" : Words.number(r.value());
            points.add(new Point(i, r.value(), Marker.CIRCLE, Palette.series(0).colour(), "score", date + ": " + value));
            table.add(List.of(date, value));
        }
        Band band = cutoff == null ? null
                : band(cutoff, axis, cutoff.clinicalAbove() ? "Shaded area: high scores" : "Shaded area: low scores");
        Better better = rules.scale(scaleId).better();
        String title = "Your scores over time: " + rules.title();
        ChartSpec spec = new ChartSpec(Words.domId("yp", h.measureId(), scaleId), Variant.YOUNG_PERSON, title,
                youngPersonText(rules.title(), rows, better), better, dates(rows), axis, band, List.of(),
                List.of(new Series(h.measureId(), "Your score", Palette.series(0), points)), List.of());
        return Figure.of(h.measureId(), scaleId, "young-person", spec,
                new DataTable(title, List.of("Date", "Your score"), table), "Your scores as a table");
    }

    private static Point clinicianPoint(int i, ScaleRow r) {
        String date = Words.date(r.occasion().date());
        if (r.value() == null) {
            return new Point(i, null, Marker.CIRCLE, Palette.MUTED, "missing", date + ": no score (" + r.missing() + ")");
        }
        String note = date + ": " + Words.number(r.value());
        ChangeVerdict v = r.change() == null ? null : r.change().verdict();
        if (v == ChangeVerdict.RELIABLE_IMPROVEMENT) {
            return new Point(i, r.value(), Marker.DIAMOND, Palette.IMPROVED, Words.kind(v), note + ", " + Words.verdict(v));
        }
        if (v == ChangeVerdict.RELIABLE_DETERIORATION) {
            return new Point(i, r.value(), Marker.CROSS, Palette.WORSE, Words.kind(v), note + ", " + Words.verdict(v));
        }
        return new Point(i, r.value(), Marker.CIRCLE, Palette.series(0).colour(), r.baseline() ? "first" : "score",
                r.baseline() ? note + " (first score)" : note);
    }

    private static DataTable clinicianTable(String title, List<ScaleRow> rows) {
        List<List<String>> table = new ArrayList<>();
        for (ScaleRow r : rows) {
            String date = Words.date(r.occasion().date());
            if (r.score() == null) {
                table.add(List.of(date, "no score", "", "", "", Objects.requireNonNull(r.missing())));
                continue;
            }
            ScaleChange c = r.change();
            String change = r.baseline() ? "first score" : c == null || c.difference() == null ? ""
                    : Words.signed(c.difference());
            String verdict = c == null ? "" : Words.verdict(c.verdict())
                    + (c.verdictReason() == null ? "" : ": " + c.verdictReason());
            String note = r.score().prorated() ? "prorated (" + r.score().answered() + " of " + r.score().items()
                    + " items answered)" : "";
            table.add(List.of(date, Words.number(Objects.requireNonNull(r.value())), Words.bands(r.score()), change,
                    verdict, note));
        }
        return new DataTable(title, List.of("Date", "Score", "Band (scheme)", "Change from first",
                "Reliable change from first", "Notes"), table);
    }

    private static String clinicianText(List<ScaleRow> rows, @Nullable Better better, @Nullable Cutoff cutoff,
            @Nullable ScaleChange rc) {
        StringBuilder d = new StringBuilder(span(rows));
        d.append(better == null ? " The rules do not say which way is better." : " " + better.sentence() + ".");
        d.append(cutoff == null ? " No clinical cut-off applies." : " Shaded: the clinical range, "
                + cutoff.rangeText() + ".");
        if (rc != null) {
            d.append(" Reliable change: a change of ").append(Words.number(Objects.requireNonNull(rc.threshold())))
                    .append(" or more from the first score (rules [")
                    .append(rc.thresholdSource() == null ? "?" : rc.thresholdSource().tag()).append("]).");
        } else {
            rows.stream().map(ScaleRow::change).filter(Objects::nonNull).map(ScaleChange::verdictReason)
                    .filter(Objects::nonNull).findFirst()
                    .ifPresentOrElse(reason -> d.append(" Reliable change cannot be shown: ").append(reason).append('.'),
                            () -> d.append(" Reliable change needs two scores."));
        }
        long missing = rows.stream().filter(r -> r.value() == null).count();
        if (missing > 0) {
            d.append(' ').append(missing).append(missing == 1 ? " response has" : " responses have")
                    .append(" no score; the table gives the reason.");
        }
        return d.toString();
    }

    private static String youngPersonText(String measure, List<ScaleRow> rows, @Nullable Better better) {
        List<ScaleRow> scored = rows.stream().filter(r -> r.value() != null).toList();
        StringBuilder d = new StringBuilder("Your " + measure + " scores. ");
        if (better != null) {
            d.append(better.sentence()).append(". ");
        }
        if (scored.isEmpty()) {
            return d.append("There are no scores yet.").toString();
        }
        ScaleRow first = scored.get(0);
        ScaleRow last = scored.get(scored.size() - 1);
        d.append("Your first score was ").append(Words.number(Objects.requireNonNull(first.value()))).append(" on ")
                .append(Words.date(first.occasion().date())).append('.');
        if (scored.size() > 1) {
            d.append(" Your latest score is ").append(Words.number(Objects.requireNonNull(last.value())))
                    .append(" on ").append(Words.date(last.occasion().date())).append('.');
        }
        return d.toString();
    }

    private static String span(List<ScaleRow> rows) {
        if (rows.isEmpty()) {
            return "No responses.";
        }
        return rows.size() + (rows.size() == 1 ? " response, on " : " responses, from ")
                + Words.date(rows.get(0).occasion().date())
                + (rows.size() == 1 ? "." : " to " + Words.date(rows.get(rows.size() - 1).occasion().date()) + ".");
    }

    static List<String> dates(List<ScaleRow> rows) {
        return rows.stream().map(r -> Words.date(r.occasion().date())).toList();
    }

    static @Nullable Cutoff cutoff(ChartRules rules, String scaleId, MeasureHistory h) {
        ScoreSet latest = ScaleRow.latestScored(h.occasions());
        return latest == null ? null : rules.cutoff(scaleId, latest.ageYears(), latest.sex()).orElse(null);
    }

    static Band band(Cutoff c, Axis axis, String label) {
        return c.clinicalAbove() ? new Band(c.value(), axis.max(), c.value(), label)
                : new Band(axis.min(), c.value(), c.value(), label);
    }

    /** The scale's range from the rules; when it has none (T-scores), the data and cut-off, padded. */
    static Axis axis(ChartRules.ScaleInfo info, List<ScaleRow> rows, @Nullable Cutoff cutoff, String name) {
        if (info.min() != null && info.max() != null && info.max().compareTo(info.min()) > 0) {
            return new Axis(info.min(), info.max(), name + " (" + Words.number(info.min()) + "–"
                    + Words.number(info.max()) + ")");
        }
        List<BigDecimal> values = new ArrayList<>();
        rows.stream().map(ScaleRow::value).filter(Objects::nonNull).forEach(values::add);
        if (cutoff != null) {
            values.add(cutoff.value());
        }
        return padded(values, name);
    }

    static Axis padded(List<BigDecimal> values, String name) {
        if (values.isEmpty()) {
            return new Axis(BigDecimal.ZERO, BigDecimal.TEN, name);
        }
        BigDecimal lo = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal hi = values.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal pad = hi.subtract(lo).multiply(BigDecimal.valueOf(0.1)).max(BigDecimal.ONE);
        return new Axis(lo.subtract(pad).setScale(0, RoundingMode.FLOOR), hi.add(pad).setScale(0, RoundingMode.CEILING),
                name);
    }
}
