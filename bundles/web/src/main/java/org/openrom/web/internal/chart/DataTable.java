package org.openrom.web.internal.chart;

import static org.openrom.web.internal.chart.Xml.escape;

import java.util.List;

/**
 * The text alternative of a chart: a table with the same numbers (and what the chart cannot show: missing
 * scores with their reason, bands, verdicts). Cells are plain text, escaped here.
 */
record DataTable(String caption, List<String> headers, List<List<String>> rows) {
    DataTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size()
                        + " headers: " + row);
            }
        }
    }

    String html() {
        StringBuilder out = new StringBuilder("<table class=\"chart-data\">\n<caption>")
                .append(escape(caption)).append("</caption>\n<thead><tr>");
        for (String h : headers) {
            out.append("<th scope=\"col\">").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = i == 0 ? "th scope=\"row\"" : "td";
                out.append('<').append(tag).append('>').append(escape(row.get(i)))
                        .append("</").append(i == 0 ? "th" : "td").append('>');
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>").toString();
    }
}
