package org.openrom.fhir.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** One allowed coded answer (answerOption.valueCoding): matched on system and code, like HAPI's validator. */
public record Option(@Nullable String system, String code) {
    public Option {
        requireNonNull(code, "code");
    }
}
