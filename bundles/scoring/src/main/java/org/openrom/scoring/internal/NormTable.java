package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Sex;

/**
 * A licensed norm table from the content pack (e.g. RCADS raw → T by sex and grade band). A cell either gives the
 * norm sample's mean and SD (T = 50 + 10 (raw − mean) / SD) or its own raw → T entries.
 */
record NormTable(String id, List<Cell> cells) {

    record Cell(
            String scale,
            Sex sex,
            int gradeMin,
            int gradeMax,
            @Nullable BigDecimal mean,
            @Nullable BigDecimal sd,
            Map<Integer, BigDecimal> tScores) {

        boolean covers(String scale, Sex sex, int grade) {
            return this.scale.equals(scale) && this.sex == sex && grade >= gradeMin && grade <= gradeMax;
        }
    }

    Optional<Cell> cell(String scale, Sex sex, int grade) {
        return cells.stream().filter(c -> c.covers(scale, sex, grade)).findFirst();
    }
}
