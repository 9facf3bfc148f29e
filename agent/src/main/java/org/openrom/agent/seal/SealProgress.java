package org.openrom.agent.seal;

/** Told how sealing goes, for a progress display. Called on the sealing thread; must be quick and not throw. */
@FunctionalInterface
public interface SealProgress {

    /** Nothing shown. */
    SealProgress NONE = (stage, done, total) -> {};

    /**
     * @param stage {@code payload} (rows read, of {@code total}; the identifier scan runs inline), {@code envelope}
     *     (payload bytes signed and encrypted, of {@code total}) or {@code done}
     * @param done units done so far
     * @param total units expected; -1 when unknown
     */
    void progress(String stage, long done, long total);
}
