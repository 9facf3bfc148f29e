package org.openrom.scoring.internal;

import java.util.List;
import org.openrom.api.scoring.Source;

/** Which scales get T-scores from which content-pack norm table, and how age maps to the tables' grades. */
record NormSpec(String table, List<String> scales, int gradeOffset, int gradeMin, int gradeMax, Source source) {

    static String tScale(String scale) {
        return scale + "_t";
    }
}
