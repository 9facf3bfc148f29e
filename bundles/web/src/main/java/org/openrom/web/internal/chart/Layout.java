package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openrom.web.internal.chart.ChartSpec.Axis;
import org.openrom.web.internal.chart.ChartSpec.Variant;

/** Sizes and coordinate mapping of one chart: the young-person version is bigger in every way. */
final class Layout {
    final int width;
    final int font;
    final int titleFont;
    final int left;
    final int plotTop;
    final int plotHeight;
    final int markerRadius;
    final int stroke;
    final int wrapChars;
    private final int right;
    private final int points;
    private final Axis axis;

    Layout(Variant variant, int points, Axis axis) {
        boolean young = variant == Variant.YOUNG_PERSON;
        this.width = young ? 640 : 720;
        this.font = young ? 18 : 13;
        this.titleFont = young ? 24 : 16;
        this.left = young ? 72 : 64;
        this.right = 28;
        this.plotTop = young ? 92 : 66;
        this.plotHeight = young ? 260 : 240;
        this.markerRadius = young ? 8 : 5;
        this.stroke = young ? 4 : 2;
        this.wrapChars = young ? 48 : 84;
        this.points = points;
        this.axis = axis;
    }

    int plotBottom() {
        return plotTop + plotHeight;
    }

    int plotRight() {
        return width - right;
    }

    /** The x of a time point: evenly spaced, inset from the axes; a single point sits in the middle. */
    double x(int index) {
        int inset = markerRadius * 4;
        double span = plotRight() - left - 2.0 * inset;
        return points <= 1 ? left + (plotRight() - left) / 2.0 : left + inset + span * index / (points - 1);
    }

    /** The y of a value; values outside the axis are clamped to its ends. */
    double y(BigDecimal value) {
        double min = axis.min().doubleValue();
        double max = axis.max().doubleValue();
        double v = Math.max(min, Math.min(max, value.doubleValue()));
        return plotBottom() - (v - min) / (max - min) * plotHeight;
    }

    /** Show every n-th x label so that labels do not overlap. */
    int labelStep(int longestLabel) {
        if (points <= 1) {
            return 1;
        }
        double spacing = (x(1) - x(0));
        double needed = longestLabel * font * 0.6 + 12;
        return Math.max(1, (int) Math.ceil(needed / spacing));
    }

    /** Tick values: multiples of a 1-2-5 step, five to ten of them, within the axis. */
    List<BigDecimal> ticks() {
        BigDecimal span = axis.max().subtract(axis.min());
        double raw = span.doubleValue() / 6;
        int exp = (int) Math.floor(Math.log10(raw));
        double norm = raw / Math.pow(10, exp);
        int nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        BigDecimal step = BigDecimal.valueOf(nice).scaleByPowerOfTen(exp);
        BigDecimal first = axis.min().divide(step, 0, RoundingMode.CEILING).multiply(step);
        List<BigDecimal> ticks = new ArrayList<>();
        for (BigDecimal t = first; t.compareTo(axis.max()) <= 0; t = t.add(step)) {
            ticks.add(t.round(MathContext.DECIMAL64));
        }
        return ticks;
    }

    static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String num(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** Splits text into lines of at most {@code max} characters, at spaces where possible. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > max) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
