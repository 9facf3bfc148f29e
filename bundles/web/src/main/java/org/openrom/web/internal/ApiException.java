package org.openrom.web.internal;

import java.util.List;
import org.openrom.api.fhir.Issue;

/** An answer other than success: an HTTP status and the issues for its OperationOutcome. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Issue> issues;

    ApiException(int status, List<Issue> issues) {
        super(issues.isEmpty() ? "HTTP " + status : issues.get(0).message(), null, false, false);
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an ApiException needs at least one issue, status " + status);
        }
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    ApiException(int status, ErrorCode code, String message) {
        this(status, List.of(Issue.error(code.code(), null, message)));
    }

    public int status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }
}
