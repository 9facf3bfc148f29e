package org.openrom.api.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The value of an answer, one case per FHIR answer type OpenROM's Questionnaires use.
 *
 * @since 1.0.0
 */
public sealed interface AnswerValue {

    /** {@code valueInteger}. */
    record IntegerValue(long value) implements AnswerValue {}

    /** {@code valueDecimal}, e.g. an ORS mark in centimetres. */
    record DecimalValue(BigDecimal value) implements AnswerValue {
        public DecimalValue {
            requireNonNull(value, "value");
        }
    }

    /** {@code valueString}: free text, which never leaves the site. */
    record StringValue(String value) implements AnswerValue {
        public StringValue {
            requireNonNull(value, "value");
        }
    }

    /** {@code valueBoolean}. */
    record BooleanValue(boolean value) implements AnswerValue {}

    /** {@code valueDate}. */
    record DateValue(LocalDate value) implements AnswerValue {
        public DateValue {
            requireNonNull(value, "value");
        }
    }

    /** {@code valueCoding}. */
    record CodingValue(@Nullable String system, String code, @Nullable String display) implements AnswerValue {
        public CodingValue {
            requireNonNull(code, "code");
        }
    }
}
