package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine needs of one Questionnaire item: its type, its options' codes in printed order (position = the
 * ordinalValue, checked on load), numeric bounds, and whether it is calculated.
 */
record QuestionnaireItem(
        String linkId,
        String type,
        List<String> optionCodes,
        @Nullable BigDecimal minValue,
        @Nullable BigDecimal maxValue,
        boolean readOnly,
        boolean question) {

    boolean choice() {
        return type.equals("choice");
    }

    boolean numeric() {
        return type.equals("integer") || type.equals("decimal");
    }
}
