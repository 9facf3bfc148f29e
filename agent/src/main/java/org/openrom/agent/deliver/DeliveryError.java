package org.openrom.agent.deliver;

/** Stable codes for delivery problems, shown on the status page and kept in the agent's state. */
public enum DeliveryError {
    /** AG-3001: the collator refused the batch (a 4xx other than 408 and 429); a retry cannot fix it. */
    REFUSED("AG-3001"),
    /** AG-3002: the receipt is not signed by the pinned collator certificate, or names another batch or body. */
    BAD_RECEIPT("AG-3002"),
    /** AG-3003: the collator's TLS identity does not chain to the collaborative CA or does not match the pin. */
    TLS_IDENTITY("AG-3003"),
    /** AG-3004: a failure a retry may fix: 5xx, 408, 429, timeout, reset, truncated or missing answer. */
    TRANSIENT("AG-3004"),
    /** AG-3005: the sealed file is missing or no longer has the SHA-256 recorded when it was sealed. */
    BATCH_FILE("AG-3005");

    private final String code;

    DeliveryError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
