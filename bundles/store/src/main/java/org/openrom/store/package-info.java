/**
 * Opening the site's SQLite buffer outside OSGi, and the typed error that says why it cannot be opened.
 *
 * <p>Entry points: {@link org.openrom.store.SqliteStores#open(java.nio.file.Path)} opens (creating and
 * migrating when needed) the database file and returns a {@link org.openrom.store.CloseableResponseStore};
 * {@link org.openrom.store.StoreOpenException} carries a stable {@link org.openrom.store.StoreOpenException.Reason}
 * and a one-line message a launcher can print before the framework starts. Inside OSGi the same store is the
 * {@code org.openrom.api.store.ResponseStore} service, configured under the PID
 * {@code org.openrom.store.internal.SqliteResponseStore}.
 */
@Export
@Version("1.1.0")
@NullMarked
package org.openrom.store;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
