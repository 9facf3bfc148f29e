package org.openrom.fhir.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.Issue;

/** Turns a HAPI answer value into an {@link AnswerValue}, or records why it cannot. */
final class AnswerValues {
    private AnswerValues() {}

    static Optional<AnswerValue> read(String linkId, @Nullable Type v, List<Issue> problems) {
        if (v == null || v.isEmpty() || (v instanceof PrimitiveType<?> p && p.getValue() == null)) {
            problems.add(problem(ErrorCode.ANSWER_WITHOUT_VALUE, linkId, "an answer has no value"));
            return Optional.empty();
        }
        if (v instanceof IntegerType i) {
            return Optional.of(new AnswerValue.IntegerValue(i.getValue()));
        } else if (v instanceof DecimalType d) {
            return Optional.of(new AnswerValue.DecimalValue(d.getValue()));
        } else if (v instanceof StringType s) {
            return Optional.of(new AnswerValue.StringValue(s.getValue()));
        } else if (v instanceof BooleanType b) {
            return Optional.of(new AnswerValue.BooleanValue(b.getValue()));
        } else if (v instanceof DateType d) {
            if (d.getPrecision() != TemporalPrecisionEnum.DAY) {
                problems.add(problem(ErrorCode.UNSUPPORTED_ANSWER_TYPE, linkId,
                        "date " + d.getValueAsString() + " is not a full date (YYYY-MM-DD)"));
                return Optional.empty();
            }
            return Optional.of(new AnswerValue.DateValue(LocalDate.parse(d.getValueAsString())));
        } else if (v instanceof Coding c) {
            if (!c.hasCode()) {
                problems.add(problem(ErrorCode.ANSWER_WITHOUT_VALUE, linkId, "a valueCoding has no code"));
                return Optional.empty();
            }
            return Optional.of(new AnswerValue.CodingValue(c.getSystem(), c.getCode(), c.getDisplay()));
        }
        problems.add(problem(ErrorCode.UNSUPPORTED_ANSWER_TYPE, linkId,
                "value" + capitalised(v.fhirType()) + " answers are not supported"));
        return Optional.empty();
    }

    private static String capitalised(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static Issue problem(ErrorCode code, String linkId, String what) {
        return Issue.error(code.code(), linkId, linkId + ": " + what);
    }
}
