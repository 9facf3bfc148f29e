package org.openrom.web.internal.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ChangeVerdict;
import org.openrom.api.scoring.ScoringService;
import org.openrom.web.internal.chart.ChartSpec.Axis;
import org.openrom.web.internal.chart.ChartSpec.Point;
import org.openrom.web.internal.chart.ChartSpec.Series;
import org.openrom.web.internal.chart.ChartSpec.Style;
import org.openrom.web.internal.chart.ChartSpec.Variant;

/**
 * Goal Based Outcomes: one line per goal, each named in the young person's own words (the latest wording of
 * {@code goal-N-text}, MEASURES.md's contract), escaped like every other text. Goals differ by marker shape and
 * dash; the clinician's table adds the reliable change of each goal from its first rating.
 */
final class GoalCharts {
    static final String MEASURE = "gbo";
    private static final int GOALS = 3;

    private final ScoringService scoring;

    GoalCharts(ScoringService scoring) {
        this.scoring = scoring;
    }

    Figure figure(MeasureHistory h, ChartRules rules, Variant variant) {
        boolean young = variant == Variant.YOUNG_PERSON;
        List<Series> series = new ArrayList<>();
        List<List<ScaleRow>> perGoal = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("Date"));
        for (int g = 1; g <= GOALS; g++) {
            List<ScaleRow> rows = ScaleRow.of(h, "goal_" + g, scoring);
            String words = wording(h, g);
            if (rows.stream().allMatch(r -> r.value() == null) && words == null) {
                continue; // a goal never set
            }
            String name = "Goal " + g + ": " + (words == null ? "(no wording recorded)" : words);
            Style style = Palette.series(series.size());
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ScaleRow r = rows.get(i);
                String date = Words.date(r.occasion().date());
                points.add(new Point(i, r.value(), style.marker(), style.colour(), r.value() == null ? "missing" : "score",
                        name + ", " + date + ": " + (r.value() == null ? "not rated" : Words.number(r.value()))));
            }
            series.add(new Series("goal_" + g, name, style, points));
            perGoal.add(rows);
            headers.add(name);
        }
        ChartRules.ScaleInfo info = rules.scale("goal_1");
        Axis axis = ScaleCharts.axis(info, perGoal.isEmpty() ? List.of() : perGoal.get(0),
                null, young ? "How close to your goal" : "Goal rating");
        String title = young ? "Your goals" : "Goals (" + rules.title() + ")";
        String desc = (young ? "How close you felt to each of your goals, from 0 (not at all) to 10 (reached)"
                : "Goal ratings from 0 to 10, one line per goal, named in the young person's words")
                + ". " + (info.better() == null ? "" : info.better().sentence() + ".");
        List<String> dates = h.occasions().stream().map(o -> Words.date(o.date())).toList();
        ChartSpec spec = new ChartSpec(Words.domId(young ? "yp" : "chart", h.measureId(), "goals"), variant, title,
                desc, info.better(), dates, axis, null, List.of(), series, List.of());
        return Figure.of(h.measureId(), "goals", young ? "young-person" : "clinician", spec,
                new DataTable(title, headers, tableRows(dates, perGoal, young)),
                young ? "Your goals as a table" : "Goal ratings as a table");
    }

    private static List<List<String>> tableRows(List<String> dates, List<List<ScaleRow>> perGoal, boolean young) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            List<String> row = new ArrayList<>(List.of(dates.get(i)));
            for (List<ScaleRow> goal : perGoal) {
                row.add(cell(goal.get(i), young));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String cell(ScaleRow r, boolean young) {
        if (r.value() == null) {
            return young ? "not rated" : "not rated (" + r.missing() + ")";
        }
        String value = Words.number(r.value());
        if (young || r.change() == null) {
            return value;
        }
        ChangeVerdict v = r.change().verdict();
        return v == ChangeVerdict.RELIABLE_IMPROVEMENT || v == ChangeVerdict.RELIABLE_DETERIORATION
                ? value + " (" + Words.verdict(v).toLowerCase(Locale.ROOT) + ")" : value;
    }

    /** The latest non-blank wording of goal {@code g}; null when none was recorded. */
    static @Nullable String wording(MeasureHistory h, int g) {
        String words = null;
        for (Occasion o : h.occasions()) {
            String t = o.texts().get("goal-" + g + "-text");
            if (t != null && !t.isBlank()) {
                words = t.strip();
            }
        }
        return words;
    }
}
