package org.openrom.api.store;

import static java.util.Objects.requireNonNull;

/**
 * The store's health.
 *
 * @param ok true when the database is open, migrated and passes its quick-check
 * @param schemaVersion the applied schema version ({@code PRAGMA user_version})
 * @param quickCheck the result of {@code PRAGMA quick_check}: {@code ok} or the first problem
 * @param journalMode the journal mode in force, {@code wal} when healthy
 * @since 1.0.0
 */
public record StoreStatus(boolean ok, int schemaVersion, String quickCheck, String journalMode) {
    public StoreStatus {
        requireNonNull(quickCheck, "quickCheck");
        requireNonNull(journalMode, "journalMode");
    }
}
