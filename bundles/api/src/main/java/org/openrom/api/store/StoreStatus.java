package org.openrom.api.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The store's health.
 *
 * @param ok true when the database is open, migrated, passes its quick-check and has no {@code warnings}
 * @param schemaVersion the applied schema version ({@code PRAGMA user_version})
 * @param quickCheck the result of {@code PRAGMA quick_check}: {@code ok} or the first problem
 * @param journalMode the journal mode in force, {@code wal} when healthy
 * @param warnings settings that make the store unsafe although it works, one sentence each, e.g. a test
 *     control that acknowledges saves before they are durable; empty when there are none (since 1.2.0)
 * @since 1.0.0
 */
public record StoreStatus(boolean ok, int schemaVersion, String quickCheck, String journalMode, List<String> warnings) {

    /** @throws NullPointerException when a text or the list is null */
    public StoreStatus {
        requireNonNull(quickCheck, "quickCheck");
        requireNonNull(journalMode, "journalMode");
        warnings = List.copyOf(warnings);
    }

    /**
     * A status without warnings.
     *
     * @since 1.0.0
     */
    public StoreStatus(boolean ok, int schemaVersion, String quickCheck, String journalMode) {
        this(ok, schemaVersion, quickCheck, journalMode, List.of());
    }
}
