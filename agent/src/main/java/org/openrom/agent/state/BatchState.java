package org.openrom.agent.state;

/**
 * A batch's life (RELIABILITY.md): {@code SEALING} (intent recorded: id, sequence and outbox range fixed; the file
 * is being written) → {@code SEALED} → {@code SENDING} (at least one attempt made) → {@code ACKNOWLEDGED} (a
 * verified receipt is stored) → {@code PURGED} (the file deleted after the retention period). {@code STOPPED}: the
 * collator refused the batch with a 4xx that a retry cannot fix; it stays visible until an admin acts.
 */
public enum BatchState {
    SEALING,
    SEALED,
    SENDING,
    ACKNOWLEDGED,
    STOPPED,
    PURGED;

    /** True while the batch still has to reach the collator. */
    public boolean undelivered() {
        return this == SEALED || this == SENDING || this == STOPPED;
    }
}
