package org.openrom.api.store;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable storage of responses on the site. Thread-safe; writes are serialised through one connection.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ResponseStore {

    /**
     * Saves a response, its scores and an outbox row in one transaction, and returns only after the
     * commit is durable. Saving a response id that is already stored changes nothing.
     *
     * @return {@link SaveOutcome#STORED}, or {@link SaveOutcome#ALREADY_STORED} for a repeat
     * @throws java.io.UncheckedIOException when the database cannot be written; nothing is half saved
     */
    SaveOutcome save(StoredResponse response);

    /** One response by its id. */
    Optional<StoredResponse> find(String responseId);

    /**
     * A young person's responses, oldest first.
     *
     * @param measureId only this measure; null for all
     */
    List<StoredResponse> responses(String patientId, @Nullable String measureId);

    /** The store's health: schema version and an integrity quick-check. Cheap enough for a health probe. */
    StoreStatus status();
}
