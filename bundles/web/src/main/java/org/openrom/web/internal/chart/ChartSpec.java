package org.openrom.web.internal.chart;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chart, ready to draw: every text is plain (unescaped) here and escaped once, by {@link Xml#escape}, when drawn.
 *
 * @param id a DOM id prefix, unique on the page: lower-case letters, digits and '-'
 * @param variant young-person (big, plain) or clinician (detail)
 * @param title the heading, also the SVG's {@code <title>}
 * @param description the SVG's {@code <desc>}: what the chart shows, in words
 * @param better which way is better, stated on the chart; null when the rules do not say
 * @param xLabels one label per time point, left to right
 * @param y the value axis
 * @param band the shaded clinical range; null when none applies
 * @param lines further horizontal reference lines (a cut-off per informant); empty for most charts
 * @param series the lines, each with its points
 * @param keys legend entries for marker shapes that are not a series (reliable change)
 */
record ChartSpec(String id, Variant variant, String title, String description, @Nullable Better better,
        List<String> xLabels, Axis y, @Nullable Band band, List<RefLine> lines, List<Series> series,
        List<Key> keys) {

    ChartSpec {
        if (!id.matches("[a-z][a-z0-9-]{0,120}")) {
            throw new IllegalArgumentException("chart id must be lower-case letters, digits and '-': " + id);
        }
        requireNonNull(variant, "variant");
        xLabels = List.copyOf(xLabels);
        lines = List.copyOf(lines);
        series = List.copyOf(series);
        keys = List.copyOf(keys);
    }

    enum Variant {
        YOUNG_PERSON,
        CLINICIAN
    }

    /** The value axis from {@code min} to {@code max}, with its label (e.g. "Score (0–27)"). */
    record Axis(BigDecimal min, BigDecimal max, String label) {
        Axis {
            if (max.compareTo(min) <= 0) {
                throw new IllegalArgumentException("axis max " + max + " is not above min " + min);
            }
        }
    }

    /** A shaded range from {@code from} to {@code to}, edged by a dashed line at {@code edge}. */
    record Band(BigDecimal from, BigDecimal to, BigDecimal edge, String label) {}

    /** A dashed horizontal line at {@code value}, drawn in a series' style, named in the legend. */
    record RefLine(BigDecimal value, Style style, String label) {}

    /** How a series (or key) looks: colour, marker shape and dash pattern (empty for a solid line). */
    record Style(String colour, Marker marker, String dash) {}

    /** A line of points; {@code name} goes into the legend and the group's {@code <title>}. */
    record Series(String key, String name, Style style, List<Point> points) {
        Series {
            points = List.copyOf(points);
        }
    }

    /**
     * One time point of a series. A missing value is never drawn as a point (and never as 0): the line breaks and
     * the clinician version writes "no score" at that time point.
     *
     * @param x the time point's index into {@link ChartSpec#xLabels()}
     * @param value the score; null when missing
     * @param marker the shape (the series' own, or a reliable-change shape)
     * @param colour the marker's colour
     * @param kind a stable word for tests and styling, e.g. {@code score}, {@code reliable-improvement}
     * @param note the point's tooltip text, e.g. "3 Mar 2026: 14"
     */
    record Point(int x, @Nullable BigDecimal value, Marker marker, String colour, String kind, String note) {}

    /** A legend entry for a marker shape, e.g. the diamond of reliable improvement. */
    record Key(Marker marker, String colour, String label) {}

    enum Marker {
        CIRCLE,
        SQUARE,
        TRIANGLE,
        DIAMOND,
        CROSS
    }
}
