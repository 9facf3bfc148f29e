package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Missing;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.Sex;

/**
 * {@code T = lookup(table, sex, grade, scale, raw)} (MEASURES.md §2.4). Grade = age + the data's offset (US grade =
 * age − 6); outside the tables' grades, or for a sex other than female or male, there is no T-score and the reason
 * says why [D]. A prorated raw score is rounded half up before the lookup and the T-score is flagged prorated [D].
 */
final class NormLookup {
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);
    private static final BigDecimal TEN = BigDecimal.TEN;

    private NormLookup() {}

    static ScaleScore tScore(
            NormSpec spec, @Nullable NormTable table, ScaleScore raw, @Nullable Integer age, Sex sex) {
        String id = NormSpec.tScale(raw.id());
        if (table == null) {
            return missing(id, MissingReason.NO_NORMS, id + ": the content pack has no norm table " + spec.table());
        }
        if (raw.value() == null) {
            return missing(id, MissingReason.COMPONENT_MISSING, id + ": the raw score " + raw.id() + " is missing");
        }
        if (sex != Sex.FEMALE && sex != Sex.MALE) {
            return missing(id, MissingReason.OUTSIDE_NORMS, id + ": the norms are for female and male; sex is "
                    + sex.jsonName() + ", so raw scores only");
        }
        if (age == null) {
            return missing(id, MissingReason.OUTSIDE_NORMS, id + ": age unknown, so no grade for the norms");
        }
        int grade = age + spec.gradeOffset();
        if (grade < spec.gradeMin() || grade > spec.gradeMax()) {
            return missing(id, MissingReason.OUTSIDE_NORMS, id + ": age " + age + " is grade " + grade
                    + ", outside the norms' grades " + spec.gradeMin() + "-" + spec.gradeMax());
        }
        Optional<NormTable.Cell> cell = table.cell(raw.id(), sex, grade);
        if (cell.isEmpty()) {
            return missing(id, MissingReason.NO_NORMS, id + ": norm table " + spec.table() + " has no cell for "
                    + raw.id() + ", " + sex.jsonName() + ", grade " + grade);
        }
        int rawInt = raw.value().setScale(0, RoundingMode.HALF_UP).intValueExact();
        BigDecimal t = t(cell.get(), rawInt);
        if (t == null) {
            return missing(id, MissingReason.OUTSIDE_NORMS, id + ": norm table " + spec.table() + " has no T-score for "
                    + "raw " + rawInt + " (" + raw.id() + ", " + sex.jsonName() + ", grade " + grade + ")");
        }
        return new ScaleScore(id, t, null, null, null, raw.prorated(), List.of());
    }

    private static @Nullable BigDecimal t(NormTable.Cell cell, int raw) {
        if (cell.mean() != null && cell.sd() != null) {
            BigDecimal z = Rounding.divide(BigDecimal.valueOf(raw).subtract(cell.mean()), cell.sd());
            return Rounding.halfAwayFromZero(FIFTY.add(TEN.multiply(z)), 0);
        }
        return cell.tScores().get(raw);
    }

    private static ScaleScore missing(String id, MissingReason reason, String detail) {
        return new ScaleScore(id, null, new Missing(reason, detail), null, null, false, List.of());
    }
}
