package org.openrom.central.intake.internal;

/** A refusal: its stable code (which fixes the HTTP status) and a message naming what was wrong. */
public final class IntakeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public IntakeException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public IntakeException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }
}
