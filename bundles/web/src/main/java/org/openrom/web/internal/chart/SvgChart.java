package org.openrom.web.internal.chart;

import static org.openrom.web.internal.chart.Layout.num;
import static org.openrom.web.internal.chart.Xml.escape;

import java.math.BigDecimal;
import java.util.List;
import org.openrom.web.internal.chart.ChartSpec.Band;
import org.openrom.web.internal.chart.ChartSpec.Key;
import org.openrom.web.internal.chart.ChartSpec.Marker;
import org.openrom.web.internal.chart.ChartSpec.Point;
import org.openrom.web.internal.chart.ChartSpec.RefLine;
import org.openrom.web.internal.chart.ChartSpec.Series;
import org.openrom.web.internal.chart.ChartSpec.Style;
import org.openrom.web.internal.chart.ChartSpec.Variant;

/**
 * Draws a {@link ChartSpec} as inline SVG: {@code role="img"}, {@code <title>} and {@code <desc>} named by
 * {@code aria-labelledby}, axes with labels, the shaded clinical range, lines broken where a score is missing,
 * markers, and a legend below the plot. Deterministic: the same spec gives the same bytes. Stateless.
 */
final class SvgChart {
    private SvgChart() {}

    static String render(ChartSpec spec) {
        Layout l = new Layout(spec.variant(), spec.xLabels().size(), spec.y());
        StringBuilder body = new StringBuilder();
        int legendTop = axes(body, spec, l);
        if (spec.band() != null) {
            band(body, spec.band(), l, spec.variant() == Variant.YOUNG_PERSON);
        }
        spec.lines().forEach(line -> refLine(body, line, l));
        spec.series().forEach(s -> series(body, s, l));
        if (spec.variant() == Variant.CLINICIAN && spec.series().size() == 1) {
            missing(body, spec, l); // with several lines, "no score" could not say whose: the table does
        }
        int height = legend(body, spec, l, legendTop);
        String id = spec.id();
        StringBuilder svg = new StringBuilder(body.length() + 600);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ")
                .append(l.width).append(' ').append(height).append("\" width=\"100%\" class=\"chart-svg\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"")
                .append(l.font).append("\" fill=\"").append(Palette.TEXT).append("\">\n")
                .append("<title id=\"").append(id).append("-title\">").append(escape(spec.title())).append("</title>\n")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(spec.description()))
                .append("</desc>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(l.width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n")
                .append(body)
                .append("</svg>");
        return svg.toString();
    }

    /** Heading, direction, grid, axes and their labels; returns where the legend starts. */
    private static int axes(StringBuilder out, ChartSpec spec, Layout l) {
        out.append(text(l.left, l.titleFont + 6, spec.title(), "chart-heading", "font-size=\"" + l.titleFont
                + "\" font-weight=\"700\""));
        if (spec.better() != null) {
            out.append(text(l.left, l.titleFont + 10 + l.font + 6, spec.better().sentence(), "direction",
                    "font-weight=\"700\""));
        }
        out.append("<g class=\"y-axis\">\n");
        for (BigDecimal t : l.ticks()) {
            double y = l.y(t);
            out.append(line(l.left, y, l.plotRight(), y, Palette.GRID, 1, ""));
            out.append(text(l.left - 8, y + l.font * 0.35, num(t), "tick", "text-anchor=\"end\""));
        }
        out.append(line(l.left, l.plotTop, l.left, l.plotBottom(), Palette.TEXT, 1.5, ""));
        double mid = (l.plotTop + l.plotBottom()) / 2.0;
        out.append("<text class=\"axis-label\" x=\"").append(num(l.font * 1.1)).append("\" y=\"").append(num(mid))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(num(l.font * 1.1)).append(' ')
                .append(num(mid)).append(")\">").append(escape(spec.y().label())).append("</text>\n</g>\n");
        return xAxis(out, spec.xLabels(), l);
    }

    private static int xAxis(StringBuilder out, List<String> labels, Layout l) {
        out.append("<g class=\"x-axis\">\n");
        out.append(line(l.left, l.plotBottom(), l.plotRight(), l.plotBottom(), Palette.TEXT, 1.5, ""));
        int longest = labels.stream().mapToInt(String::length).max().orElse(1);
        int step = l.labelStep(longest);
        double labelY = l.plotBottom() + l.font * 1.5;
        for (int i = 0; i < labels.size(); i++) {
            double x = l.x(i);
            out.append(line(x, l.plotBottom(), x, l.plotBottom() + 5, Palette.TEXT, 1, ""));
            if (i % step == 0 || i == labels.size() - 1 && step == 1) {
                out.append(text(x, labelY, labels.get(i), "tick", "text-anchor=\"middle\""));
            }
        }
        double titleY = labelY + l.font * 1.6;
        out.append(text((l.left + l.plotRight()) / 2.0, titleY, "Date answered", "axis-label",
                "text-anchor=\"middle\"")).append("</g>\n");
        return (int) Math.ceil(titleY + l.font * 1.2);
    }

    /** The band, its edge, and its label: by the edge (clinician), or at the far end of the band (young person). */
    private static void band(StringBuilder out, Band band, Layout l, boolean farEnd) {
        double top = Math.min(l.y(band.from()), l.y(band.to()));
        double bottom = Math.max(l.y(band.from()), l.y(band.to()));
        double edge = l.y(band.edge());
        boolean edgeOnTop = Math.abs(edge - top) < 1;
        double labelY = farEnd ? (edgeOnTop ? bottom - 8 : top + l.font * 1.1)
                : (edgeOnTop ? edge + l.font * 1.1 : edge - 6);
        out.append("<g class=\"cutoff-band\">\n<rect class=\"band\" x=\"").append(l.left).append("\" y=\"")
                .append(num(top)).append("\" width=\"").append(l.plotRight() - l.left).append("\" height=\"")
                .append(num(bottom - top)).append("\" fill=\"").append(Palette.BAND_FILL).append("\"/>\n")
                .append(line(l.left, edge, l.plotRight(), edge, Palette.CUTOFF, 2, "6 3"))
                .append(text(l.plotRight() - 4, labelY, band.label(),
                        "band-label", "text-anchor=\"end\" fill=\"" + Palette.CUTOFF + "\""))
                .append("</g>\n");
    }

    private static void refLine(StringBuilder out, RefLine ref, Layout l) {
        double y = l.y(ref.value());
        Style s = ref.style();
        out.append("<g class=\"cutoff-line\" data-value=\"").append(num(ref.value())).append("\">")
                .append(line(l.left, y, l.plotRight(), y, s.colour(), 1.5, s.dash().isEmpty() ? "4 2" : s.dash()))
                .append("<title>").append(escape(ref.label())).append("</title></g>\n");
    }

    private static void series(StringBuilder out, Series s, Layout l) {
        out.append("<g class=\"series\" data-series=\"").append(escape(s.key())).append("\">\n<title>")
                .append(escape(s.name())).append("</title>\n");
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (Point p : s.points()) {
            if (p.value() == null) {
                pen = false; // a missing score breaks the line; it is never drawn as 0
                continue;
            }
            d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(num(l.x(p.x()))).append(' ')
                    .append(num(l.y(p.value())));
            pen = true;
        }
        if (d.indexOf("L") >= 0) { // a lone point has no line
            out.append("<path class=\"line\" d=\"").append(d).append("\" fill=\"none\" stroke=\"")
                    .append(s.style().colour()).append("\" stroke-width=\"").append(l.stroke).append('"')
                    .append(dash(s.style().dash())).append("/>\n");
        }
        for (Point p : s.points()) {
            if (p.value() != null) {
                out.append("<g class=\"point\" data-kind=\"").append(escape(p.kind())).append("\" data-x=\"")
                        .append(p.x()).append("\" data-value=\"").append(num(p.value())).append("\">")
                        .append(marker(p.marker(), l.x(p.x()), l.y(p.value()), l.markerRadius, p.colour()))
                        .append("<title>").append(escape(p.note())).append("</title></g>\n");
            }
        }
        out.append("</g>\n");
    }

    private static void missing(StringBuilder out, ChartSpec spec, Layout l) {
        for (Series s : spec.series()) {
            for (Point p : s.points()) {
                if (p.value() == null) {
                    out.append("<g class=\"missing\" data-x=\"").append(p.x()).append("\">")
                            .append(text(l.x(p.x()), l.plotBottom() - 8, "no score", "missing-note",
                                    "text-anchor=\"middle\" fill=\"" + Palette.MUTED + "\" font-style=\"italic\""))
                            .append("<title>").append(escape(p.note())).append("</title></g>\n");
                }
            }
        }
    }

    /** Legend rows below the plot: band, each series (long names wrapped), reference lines, marker keys. */
    private static int legend(StringBuilder out, ChartSpec spec, Layout l, int top) {
        out.append("<g class=\"legend\">\n");
        double lineHeight = l.font * 1.5;
        double y = top + lineHeight * 0.7;
        int textX = l.left + 44;
        if (spec.band() != null) {
            out.append("<rect x=\"").append(l.left).append("\" y=\"").append(num(y - l.font * 0.8))
                    .append("\" width=\"34\" height=\"").append(l.font).append("\" fill=\"").append(Palette.BAND_FILL)
                    .append("\" stroke=\"").append(Palette.CUTOFF).append("\" stroke-dasharray=\"6 3\"/>\n");
            y = legendText(out, textX, y, spec.band().label(), l, lineHeight);
        }
        for (Series s : spec.series()) {
            y = legendSample(out, s.style(), l, y, s.name(), lineHeight);
        }
        for (RefLine r : spec.lines()) {
            out.append(line(l.left, y - l.font * 0.35, l.left + 34, y - l.font * 0.35, r.style().colour(), 1.5,
                    r.style().dash().isEmpty() ? "4 2" : r.style().dash()));
            y = legendText(out, textX, y, r.label(), l, lineHeight);
        }
        for (Key k : spec.keys()) {
            out.append(marker(k.marker(), l.left + 17, y - l.font * 0.35, l.markerRadius, k.colour()));
            y = legendText(out, textX, y, k.label(), l, lineHeight);
        }
        out.append("</g>\n");
        return (int) Math.ceil(y);
    }

    private static double legendSample(StringBuilder out, Style s, Layout l, double y, String name, double lh) {
        double mid = y - l.font * 0.35;
        out.append(line(l.left, mid, l.left + 34, mid, s.colour(), l.stroke, s.dash()))
                .append(marker(s.marker(), l.left + 17, mid, l.markerRadius, s.colour()));
        return legendText(out, l.left + 44, y, name, l, lh);
    }

    private static double legendText(StringBuilder out, int x, double y, String label, Layout l, double lh) {
        double at = y;
        for (String part : Layout.wrap(label, l.wrapChars)) {
            out.append(text(x, at, part, "legend-label", ""));
            at += lh;
        }
        return at + lh * 0.2;
    }

    static String marker(Marker m, double x, double y, int r, String colour) {
        String fill = "\" fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
        return switch (m) {
            case CIRCLE -> "<circle class=\"marker-circle\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + r + fill;
            case SQUARE -> "<rect class=\"marker-square\" x=\"" + num(x - r) + "\" y=\"" + num(y - r) + "\" width=\""
                    + 2 * r + "\" height=\"" + 2 * r + fill;
            case TRIANGLE -> "<path class=\"marker-triangle\" d=\"M" + num(x) + ' ' + num(y - r * 1.2) + " L"
                    + num(x + r * 1.1) + ' ' + num(y + r * 0.8) + " L" + num(x - r * 1.1) + ' ' + num(y + r * 0.8)
                    + " Z" + fill;
            case DIAMOND -> "<path class=\"marker-diamond\" d=\"M" + num(x) + ' ' + num(y - r * 1.5) + " L"
                    + num(x + r * 1.5) + ' ' + num(y) + " L" + num(x) + ' ' + num(y + r * 1.5) + " L"
                    + num(x - r * 1.5) + ' ' + num(y) + " Z" + fill;
            case CROSS -> "<path class=\"marker-cross\" d=\"M" + num(x - r) + ' ' + num(y - r) + " L" + num(x + r)
                    + ' ' + num(y + r) + " M" + num(x - r) + ' ' + num(y + r) + " L" + num(x + r) + ' ' + num(y - r)
                    + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + Math.max(3, r / 2) + "\"/>";
        };
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + num(width) + '"' + dash(dash) + "/>\n";
    }

    private static String dash(String dash) {
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + '"';
    }

    private static String text(double x, double y, String content, String cls, String attrs) {
        return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + '"'
                + (attrs.isEmpty() ? "" : " " + attrs) + '>' + escape(content) + "</text>\n";
    }
}
