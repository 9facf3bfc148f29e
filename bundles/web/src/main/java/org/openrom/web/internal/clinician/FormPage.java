package org.openrom.web.internal.clinician;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.page.Layout;

/**
 * The questionnaire form (template {@code clinician/form.jte}).
 *
 * @param layout the layout
 * @param title the measure's title
 * @param patientName the young person's name (for the clinician; in hand-over mode, their given name)
 * @param action the URL the form posts to (the same as its own)
 * @param csrf the session's token
 * @param responseId the response's id, made when the form was first shown (a repeat stores once)
 * @param fields the items
 * @param problems problems with the whole response (not one item), shown at the top
 * @param textMissing true for a licensed measure whose text the site's content pack does not supply
 * @param copyright the measure's copyright statement
 * @param handover true in hand-over mode (wording for the young person)
 */
public record FormPage(Layout layout, String title, String patientName, String action, String csrf, String responseId,
        List<Field> fields, List<String> problems, boolean textMissing, String copyright, boolean handover) {

    /** True when some item or the whole response has a problem. */
    public boolean hasErrors() {
        return !problems.isEmpty() || fields.stream().anyMatch(Field::hasErrors);
    }

    /**
     * One item of the form.
     *
     * @param linkId the item's linkId, also the field's name
     * @param kind {@code group}, {@code display}, {@code choice}, {@code integer}, {@code decimal}, {@code string}
     *     or {@code text}
     * @param text the item text (from the content pack for a licensed measure; the linkId when the pack lacks it)
     * @param hint a sentence under the text (a range, when to answer); empty for none
     * @param required whether the item must be answered
     * @param options for a choice, the options
     * @param value the value as typed or chosen last time; empty for none
     * @param error the problem with this item; null for none
     * @param min lower bound of a number; null for none
     * @param max upper bound of a number; null for none
     * @param step {@code 1} for whole numbers, {@code 0.1} for decimals; empty otherwise
     * @param maxLength longest text; null for none
     * @param children a group's items
     */
    public record Field(String linkId, String kind, String text, String hint, boolean required, List<Option> options,
            String value, @Nullable String error, @Nullable String min, @Nullable String max, String step,
            @Nullable Integer maxLength, List<Field> children) {

        /** The id of this item's error message, for {@code aria-describedby}. */
        public String errorId() {
            return "error-" + linkId;
        }

        /** The id of this item's hint, for {@code aria-describedby}. */
        public String hintId() {
            return "hint-" + linkId;
        }

        /** The ids that describe the field: its hint and its error, space-separated; null when none. */
        public @Nullable String describedBy() {
            String ids = (hint.isEmpty() ? "" : hintId()) + (error == null ? "" : " " + errorId());
            return ids.isBlank() ? null : ids.strip();
        }

        boolean hasErrors() {
            return error != null || children.stream().anyMatch(Field::hasErrors);
        }
    }

    /** A radio button: {@code value} is the option's position from 0. */
    public record Option(String id, String value, String label, boolean checked) {}
}
