package org.openrom.api.fhir;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One problem with a response, shaped to become an OperationOutcome issue.
 *
 * @param severity how bad it is
 * @param code a stable error code, e.g. {@code QR-1203}, for support and audit
 * @param linkId the item the problem is about; null when it concerns the whole response
 * @param message a sentence for people, naming the item and the offending value
 * @since 1.0.0
 */
public record Issue(Severity severity, String code, @Nullable String linkId, String message) {

    /** FHIR issue severities OpenROM uses. */
    public enum Severity {
        ERROR,
        WARNING,
        INFORMATION
    }

    public Issue {
        requireNonNull(severity, "severity");
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }

    /** An error about one item. */
    public static Issue error(String code, @Nullable String linkId, String message) {
        return new Issue(Severity.ERROR, code, linkId, message);
    }
}
