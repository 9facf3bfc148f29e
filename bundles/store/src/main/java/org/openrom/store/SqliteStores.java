package org.openrom.store;

import java.nio.file.Path;
import org.openrom.store.internal.SqliteResponseStore;

/**
 * Opens the site's SQLite buffer from plain Java: the launcher (to report a bad database before the
 * framework starts) and tools that run without OSGi.
 *
 * @since 1.0.0
 */
public final class SqliteStores {

    private SqliteStores() {}

    /**
     * Opens the database file, creating its folder and the file when missing and applying any schema
     * migration this software knows and the file lacks, each in its own transaction. Runs
     * {@code PRAGMA quick_check} once, so a corrupt file is reported here rather than on first use.
     *
     * @param databaseFile absolute path of the SQLite file, e.g. {@code /var/lib/openrom/openrom.db}
     * @return the open store; the caller closes it
     * @throws IllegalArgumentException when the path is not absolute
     * @throws StoreOpenException when the folder cannot be written, the file is not a valid OpenROM
     *     database, its schema is newer than this software, or a migration fails
     */
    public static CloseableResponseStore open(Path databaseFile) throws StoreOpenException {
        return new SqliteResponseStore(databaseFile);
    }
}
