package org.openrom.web.internal.chart;

import static java.util.Objects.requireNonNull;
import static org.openrom.web.internal.chart.Xml.escape;

import gg.jte.Content;

/**
 * A chart as it goes into a page: {@code <figure class="chart" data-measure=…>} with the inline SVG and, inside
 * {@code <details>}, the {@code <table class="chart-data">} with the same numbers. {@link #html()} is complete,
 * escaped HTML for a template to insert as it is.
 *
 * @param measure the measure id (for the multi-informant view, the family, e.g. {@code sdq})
 * @param scale the scale id ({@code goals} for the goals chart)
 * @param html the figure element
 */
public record Figure(String measure, String scale, String html) {
    public Figure {
        requireNonNull(measure, "measure");
        requireNonNull(scale, "scale");
        requireNonNull(html, "html");
    }

    /**
     * The figure for a jte template: {@code ${figure.content()}} inserts {@link #html()} as it is. Safe because every
     * text in it was escaped by {@link Xml#escape} when the figure was built; nothing else may be inserted this way.
     */
    public Content content() {
        return output -> output.writeContent(html);
    }

    static Figure of(String measure, String scale, String view, ChartSpec spec, DataTable table, String summary) {
        String html = "<figure class=\"chart chart-" + view + "\" id=\"" + spec.id() + "\" data-measure=\""
                + escape(measure) + "\" data-scale=\"" + escape(scale) + "\">\n"
                + SvgChart.render(spec) + "\n"
                + "<details><summary>" + escape(summary) + "</summary>\n" + table.html() + "\n</details>\n"
                + "</figure>";
        return new Figure(measure, scale, html);
    }
}
