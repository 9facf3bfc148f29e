package org.openrom.fhir.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.AnswerValue.BooleanValue;
import org.openrom.api.fhir.AnswerValue.CodingValue;
import org.openrom.api.fhir.AnswerValue.DateValue;
import org.openrom.api.fhir.AnswerValue.DecimalValue;
import org.openrom.api.fhir.AnswerValue.IntegerValue;
import org.openrom.api.fhir.AnswerValue.StringValue;

/**
 * One enableWhen condition, evaluated the way HAPI's EnableWhenEvaluator does: {@code exists} compares the
 * presence of answers with the expected boolean; every other operator holds when ANY answer to the question
 * satisfies it; an answer of another type than the expected one never satisfies it; codings compare by code,
 * and by system when the condition names one.
 *
 * @param question the linkId the condition looks at
 * @param operator the operator
 * @param expected the answer to compare with; for {@code exists} a {@link BooleanValue}
 */
public record EnableCondition(String question, Operator operator, AnswerValue expected) {

    /** enableWhen.operator. */
    public enum Operator {
        EXISTS("exists"),
        EQUAL("="),
        NOT_EQUAL("!="),
        GREATER_THAN(">"),
        LESS_THAN("<"),
        GREATER_OR_EQUAL(">="),
        LESS_OR_EQUAL("<=");

        private final String code;

        Operator(String code) {
            this.code = code;
        }

        /** @throws IllegalArgumentException for an unknown operator code */
        public static Operator ofFhirCode(String code) {
            for (Operator o : values()) {
                if (o.code.equals(code)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown enableWhen operator: " + code);
        }
    }

    public EnableCondition {
        requireNonNull(question, "question");
        requireNonNull(operator, "operator");
        requireNonNull(expected, "expected");
        if (operator == Operator.EXISTS && !(expected instanceof BooleanValue)) {
            throw new IllegalArgumentException("enableWhen on " + question + ": exists needs answerBoolean, got " + expected);
        }
        if (expected instanceof CodingValue && operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
            throw new IllegalArgumentException("enableWhen on " + question + ": a coding only compares with = or !=");
        }
    }

    /** @param answers every answer given to {@link #question()}, possibly none */
    public boolean holds(List<AnswerValue> answers) {
        if (operator == Operator.EXISTS) {
            return ((BooleanValue) expected).value() != answers.isEmpty();
        }
        for (AnswerValue answer : answers) {
            if (satisfiedBy(answer)) {
                return true;
            }
        }
        return false;
    }

    private boolean satisfiedBy(AnswerValue answer) {
        if (expected instanceof CodingValue e) {
            if (!(answer instanceof CodingValue a)) {
                return false;
            }
            boolean same = (e.system() == null || e.system().equals(a.system())) && e.code().equals(a.code());
            return operator == Operator.EQUAL ? same : !same;
        }
        Integer cmp = compare(answer, expected);
        if (cmp == null) {
            return false;
        }
        return switch (operator) {
            case EQUAL -> cmp == 0;
            case NOT_EQUAL -> cmp != 0;
            case GREATER_THAN -> cmp > 0;
            case LESS_THAN -> cmp < 0;
            case GREATER_OR_EQUAL -> cmp >= 0;
            case LESS_OR_EQUAL -> cmp <= 0;
            case EXISTS -> throw new IllegalStateException("exists handled above");
        };
    }

    private static @Nullable Integer compare(AnswerValue a, AnswerValue e) {
        if (a instanceof IntegerValue x && e instanceof IntegerValue y) {
            return Long.compare(x.value(), y.value());
        } else if (a instanceof DecimalValue x && e instanceof DecimalValue y) {
            return x.value().compareTo(y.value());
        } else if (a instanceof StringValue x && e instanceof StringValue y) {
            return x.value().compareTo(y.value());
        } else if (a instanceof BooleanValue x && e instanceof BooleanValue y) {
            return Boolean.compare(x.value(), y.value());
        } else if (a instanceof DateValue x && e instanceof DateValue y) {
            return x.value().compareTo(y.value());
        }
        return null;
    }
}
