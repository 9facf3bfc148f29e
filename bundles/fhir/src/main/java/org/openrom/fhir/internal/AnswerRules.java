package org.openrom.fhir.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.AnswerValue.BooleanValue;
import org.openrom.api.fhir.AnswerValue.CodingValue;
import org.openrom.api.fhir.AnswerValue.DateValue;
import org.openrom.api.fhir.AnswerValue.DecimalValue;
import org.openrom.api.fhir.AnswerValue.IntegerValue;
import org.openrom.api.fhir.AnswerValue.StringValue;
import org.openrom.api.fhir.Issue;

/** Checks one answer against its item: type, allowed options, bounds. Stateless. */
final class AnswerRules {
    private static final int SHOWN_OPTIONS = 8;

    private AnswerRules() {}

    static void check(ItemRule item, AnswerValue value, List<Issue> issues) {
        switch (item.type()) {
            case GROUP, DISPLAY -> issues.add(issue(ErrorCode.NO_ANSWER_ALLOWED, item,
                    "a " + item.type().name().toLowerCase(java.util.Locale.ROOT) + " item takes no answer, got "
                            + show(value)));
            case CHOICE -> {
                if (value instanceof CodingValue c) {
                    option(item, c, issues);
                } else {
                    wrongType(item, value, issues);
                }
            }
            case INTEGER -> {
                if (value instanceof IntegerValue i) {
                    range(item, BigDecimal.valueOf(i.value()), issues);
                } else {
                    wrongType(item, value, issues);
                }
            }
            case DECIMAL -> {
                if (value instanceof DecimalValue d) {
                    range(item, d.value(), issues);
                } else {
                    wrongType(item, value, issues);
                }
            }
            case STRING, TEXT -> {
                if (value instanceof StringValue s) {
                    length(item, s.value(), issues);
                } else {
                    wrongType(item, value, issues);
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof BooleanValue)) {
                    wrongType(item, value, issues);
                }
            }
            case DATE -> {
                if (value instanceof DateValue d) {
                    dateRange(item, d, issues);
                } else {
                    wrongType(item, value, issues);
                }
            }
        }
    }

    private static void option(ItemRule item, CodingValue c, List<Issue> issues) {
        if (item.options().contains(new Option(c.system(), c.code()))) {
            return;
        }
        for (Option o : item.options()) {
            if (o.code().equals(c.code())) {
                issues.add(issue(ErrorCode.NOT_AN_OPTION, item, show(c) + " has system " + c.system()
                        + ", but the allowed answer has system " + o.system()));
                return;
            }
        }
        issues.add(issue(ErrorCode.NOT_AN_OPTION, item,
                show(c) + " is not one of the allowed answers (" + allowed(item) + ")"));
    }

    private static String allowed(ItemRule item) {
        List<String> codes = item.options().stream().map(Option::code).sorted().collect(Collectors.toList());
        String shown = String.join(", ", codes.subList(0, Math.min(SHOWN_OPTIONS, codes.size())));
        return codes.size() > SHOWN_OPTIONS ? shown + ", … " + codes.size() + " in all" : shown;
    }

    private static void range(ItemRule item, BigDecimal v, List<Issue> issues) {
        ValueBounds b = item.bounds();
        if (b.min() != null && v.compareTo(b.min()) < 0) {
            issues.add(issue(ErrorCode.BELOW_MINIMUM, item,
                    v.toPlainString() + " is below the minimum of " + b.min().toPlainString()));
        }
        if (b.max() != null && v.compareTo(b.max()) > 0) {
            issues.add(issue(ErrorCode.ABOVE_MAXIMUM, item,
                    v.toPlainString() + " is above the maximum of " + b.max().toPlainString()));
        }
    }

    private static void dateRange(ItemRule item, DateValue d, List<Issue> issues) {
        ValueBounds b = item.bounds();
        if (b.minDate() != null && d.value().isBefore(b.minDate())) {
            issues.add(issue(ErrorCode.BELOW_MINIMUM, item, d.value() + " is before the earliest allowed date " + b.minDate()));
        }
        if (b.maxDate() != null && d.value().isAfter(b.maxDate())) {
            issues.add(issue(ErrorCode.ABOVE_MAXIMUM, item, d.value() + " is after the latest allowed date " + b.maxDate()));
        }
    }

    private static void length(ItemRule item, String s, List<Issue> issues) {
        int max = item.bounds().maxLength();
        // String.length (UTF-16 units), as HAPI's validator counts.
        if (max > 0 && s.length() > max) {
            issues.add(issue(ErrorCode.TOO_LONG, item,
                    "an answer of " + s.length() + " characters is longer than the maximum of " + max));
        }
    }

    private static void wrongType(ItemRule item, AnswerValue value, List<Issue> issues) {
        issues.add(issue(ErrorCode.WRONG_ANSWER_TYPE, item,
                "expected " + item.type().answerKind() + " answer, got " + show(value)));
    }

    static Issue issue(ErrorCode code, ItemRule item, String what) {
        return Issue.error(code.code(), item.linkId(), item.linkId() + ": " + what);
    }

    /** An answer for a message: its kind and, except for free text, its value. */
    static String show(AnswerValue value) {
        if (value instanceof IntegerValue i) {
            return "integer " + i.value();
        } else if (value instanceof DecimalValue d) {
            return "decimal " + d.value().toPlainString();
        } else if (value instanceof StringValue s) {
            return "a string of " + s.value().length() + " characters";
        } else if (value instanceof BooleanValue b) {
            return "boolean " + b.value();
        } else if (value instanceof DateValue d) {
            return "date " + d.value();
        }
        return show((CodingValue) value);
    }

    private static String show(CodingValue c) {
        return c.system() == null ? "code " + c.code() + " (no system)" : "code " + c.code();
    }
}
