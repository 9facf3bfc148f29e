package org.openrom.web.internal.clinician;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The part of a measure's FHIR Questionnaire (fhir-profiles) a form needs.
 *
 * @param measureId the measure id, e.g. {@code phq9}
 * @param canonical {@code url|version}, what a response's {@code questionnaire} names
 * @param title the Questionnaire's title
 * @param copyright its copyright statement, shown under the form
 * @param questions the items, in order
 */
record Questionnaire(String measureId, String canonical, String title, String copyright, List<Question> questions) {

    /** One item. {@code type} is the FHIR item type: group, display, choice, integer, decimal, string or text. */
    record Question(String linkId, String type, String text, boolean required, boolean readOnly, List<Choice> options,
            @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer maxLength, List<Condition> enableWhen,
            List<Question> children) {}

    /** A choice option; {@code position} is its place as printed, from 0 (the value a radio button sends). */
    record Choice(int position, @Nullable String system, String code, String display) {}

    /** {@code enableWhen} with operator {@code =} on a coded answer (the only form the Questionnaires use). */
    record Condition(String question, String code) {}
}
