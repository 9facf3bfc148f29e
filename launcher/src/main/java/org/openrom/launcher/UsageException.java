package org.openrom.launcher;

/**
 * A problem the user can fix (a bad option, a taken port, an unwritable folder): printed as one line,
 * exit status 2, never a stack trace.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
