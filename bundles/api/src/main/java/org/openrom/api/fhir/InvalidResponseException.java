package org.openrom.api.fhir;

import java.util.List;

/**
 * A response that cannot be parsed or matched to a Questionnaire. A caller mistake, reported to the
 * caller as a 4xx with an OperationOutcome.
 *
 * @since 1.0.0
 */
public final class InvalidResponseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<Issue> issues;

    /** @param issues at least one issue */
    public InvalidResponseException(List<Issue> issues) {
        super(issues.isEmpty() ? "invalid response" : issues.get(0).message());
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an InvalidResponseException needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    /** What was wrong, first problem first. */
    public List<Issue> issues() {
        return issues;
    }
}
