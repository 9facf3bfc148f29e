package org.openrom.web.internal.clinician;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.clinician.FormPage.Field;
import org.openrom.web.internal.clinician.FormPage.Option;
import org.openrom.web.internal.clinician.Questionnaire.Choice;
import org.openrom.web.internal.clinician.Questionnaire.Condition;
import org.openrom.web.internal.clinician.Questionnaire.Question;

/**
 * The form's fields for a Questionnaire: item text from the content pack when given (licensed measures), the
 * answers as last posted, and the problem next to each item. Calculated (read-only) items are not shown.
 */
final class FormFields {
    private FormFields() {}

    /**
     * @param texts item text by linkId from the site's content pack; empty for a free measure or a missing pack
     * @param licensed whether the measure's text is licensed (then a missing text shows the linkId, never the
     *     placeholder)
     */
    static List<Field> of(Questionnaire q, Map<String, String> texts, boolean licensed, Map<String, String> values,
            Map<String, String> errors) {
        return fields(q, q.questions(), texts, licensed, values, errors);
    }

    private static List<Field> fields(Questionnaire q, List<Question> questions, Map<String, String> texts,
            boolean licensed, Map<String, String> values, Map<String, String> errors) {
        List<Field> fields = new ArrayList<>();
        for (Question question : questions) {
            if (question.readOnly()) {
                continue;
            }
            String text = licensed ? texts.getOrDefault(question.linkId(), question.linkId()) : question.text();
            String value = values.getOrDefault(question.linkId(), "");
            List<Option> options = new ArrayList<>();
            for (Choice c : question.options()) {
                String v = Integer.toString(c.position());
                options.add(new Option(question.linkId() + "-" + v, v, c.display(), v.equals(value)));
            }
            boolean whole = question.type().equals("integer");
            boolean number = whole || question.type().equals("decimal");
            fields.add(new Field(question.linkId(), question.type(), text, hint(q, question), question.required(),
                    List.copyOf(options), value, errors.get(question.linkId()), number ? plain(question.min()) : null,
                    number ? plain(question.max()) : null, whole ? "1" : number ? "0.1" : "", question.maxLength(),
                    fields(q, question.children(), texts, licensed, values, errors)));
        }
        return List.copyOf(fields);
    }

    private static String hint(Questionnaire q, Question question) {
        StringBuilder hint = new StringBuilder();
        if (question.min() != null && question.max() != null) {
            hint.append("A number").append(ResponseBuilder.range(question)).append('.');
        }
        if (!question.enableWhen().isEmpty()) {
            List<String> answers = new ArrayList<>();
            String asked = question.enableWhen().get(0).question();
            Question screening = ResponseBuilder.find(q.questions(), asked);
            for (Condition c : question.enableWhen()) {
                answers.add(screening == null ? c.code() : display(screening, c.code()));
            }
            hint.append(hint.length() > 0 ? " " : "").append("Only if the answer to ").append(asked).append(" is ")
                    .append(String.join(" or ", answers)).append(" (otherwise it is left out).");
        }
        return hint.toString();
    }

    private static String display(Question question, String code) {
        for (Choice c : question.options()) {
            if (c.code().equals(code)) {
                return "\u201c" + c.display() + "\u201d";
            }
        }
        return code;
    }

    private static @Nullable String plain(@Nullable BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
}
