package org.openrom.agent.seal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Sealing stopped. The message is safe to show and log: it never contains an identifier, an answer or key
 * material. No batch file is left behind.
 */
public final class SealException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SealError error;

    public SealException(SealError error, String message, @Nullable Throwable cause) {
        super(requireNonNull(error, "error").code() + " " + message, cause);
        this.error = error;
    }

    public SealException(SealError error, String message) {
        this(error, message, null);
    }

    /** Why, as a stable code. */
    public SealError error() {
        return error;
    }
}
