package org.openrom.web.internal.chart;

import java.util.List;
import org.openrom.web.internal.chart.ChartSpec.Marker;
import org.openrom.web.internal.chart.ChartSpec.Style;

/**
 * Colours and line styles. Every colour that carries meaning has a contrast of at least 4.5:1 on white (the
 * minimum for graphics is 3:1), and no meaning is carried by colour alone: series differ by marker shape and dash,
 * reliable change by marker shape, and the legend names each.
 */
final class Palette {
    static final String TEXT = "#1a1a1a"; // 17.4:1
    static final String MUTED = "#555555"; // 7.5:1
    static final String GRID = "#d6d6d6"; // decorative
    static final String BAND_FILL = "#fbe5d6"; // decorative: the band is edged by CUTOFF and labelled
    static final String CUTOFF = "#8a3a00"; // 7.9:1
    static final String IMPROVED = "#1b6e20"; // 6.3:1
    static final String WORSE = "#b3261e"; // 6.5:1

    /** Series styles in order: solid blue circles, dashed brown squares, dotted purple triangles, grey diamonds. */
    static final List<Style> SERIES = List.of(
            new Style("#1d4f91", Marker.CIRCLE, ""), // 8.4:1
            new Style("#8a3a00", Marker.SQUARE, "9 5"), // 7.9:1
            new Style("#5b2a86", Marker.TRIANGLE, "2 4"), // 10.2:1
            new Style("#3d3d3d", Marker.DIAMOND, "12 4 2 4")); // 11.2:1

    private Palette() {}

    static Style series(int i) {
        return SERIES.get(Math.min(i, SERIES.size() - 1));
    }

    /** The style of an informant in the multi-informant view: the young person, parent, teacher, anyone else. */
    static Style informant(String informant) {
        return switch (informant) {
            case "self" -> SERIES.get(0);
            case "parent" -> SERIES.get(1);
            case "teacher" -> SERIES.get(2);
            default -> SERIES.get(3);
        };
    }
}
