package org.openrom.store;

import org.openrom.api.store.ResponseStore;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link ResponseStore} opened from plain Java, which its opener must close. Thread-safe.
 *
 * @since 1.0.0
 */
@ProviderType
public interface CloseableResponseStore extends ResponseStore, AutoCloseable {

    /**
     * Closes the database connections. Idempotent; any later call other than {@code close} throws
     * {@link IllegalStateException}. Waits for a save in progress to finish.
     */
    @Override
    void close();
}
