package org.openrom.api.store;

/**
 * What {@link ResponseStore#save} did.
 *
 * @since 1.0.0
 */
public enum SaveOutcome {
    /** The response was new and is now durably stored. */
    STORED,
    /** A response with the same id was already stored; nothing changed. */
    ALREADY_STORED
}
