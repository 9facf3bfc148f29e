package org.openrom.launcher.tools;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;
import org.openrom.store.StoreOpenException;

/** Opens the site's database with the store's own code, migrating it, before the framework starts. */
public final class DatabaseCheck {
    private DatabaseCheck() {}

    /** @return null when the database is usable, else the one-line reason (with its ST- code) */
    public static @Nullable String check(String databaseFile) {
        try (CloseableResponseStore store = SqliteStores.open(Path.of(databaseFile))) {
            var status = store.status();
            return status.ok() ? null : databaseFile + " fails its integrity check: " + status.quickCheck();
        } catch (StoreOpenException e) {
            return e.getMessage();
        }
    }
}
