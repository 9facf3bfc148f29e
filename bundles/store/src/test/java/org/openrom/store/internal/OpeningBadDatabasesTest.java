package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openrom.store.internal.TestResponses.response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;
import org.openrom.store.StoreOpenException;
import org.openrom.store.StoreOpenException.Reason;

/** Every way opening can fail gives a typed error with one line that says what is wrong and where. */
class OpeningBadDatabasesTest {

    @TempDir
    Path dir;

    private StoreOpenException openFails(Path file) {
        StoreOpenException e = catchThrowableOfType(StoreOpenException.class, () -> SqliteStores.open(file).close());
        assertThat(e).as("opening " + file + " must fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(e.code() + ": ");
        return e;
    }

    /** A database with enough rows to span a few hundred pages, closed so the WAL is checkpointed away. */
    private Path populated() throws Exception {
        Path file = dir.resolve("openrom.db");
        try (CloseableResponseStore store = SqliteStores.open(file)) {
            for (int i = 0; i < 300; i++) {
                store.save(response("qr-" + i));
            }
        }
        assertThat(dir.resolve("openrom.db-wal")).doesNotExist();
        return file;
    }

    @Test
    void refusesAFileOfRandomBytes() throws Exception {
        Path file = dir.resolve("openrom.db");
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);

        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OPENROM_DATABASE);
        assertThat(e).hasMessage("ST-1002: " + file + " is not a valid OpenROM database: file is not a database");
        assertThat(Files.readAllBytes(file)).as("left untouched").isEqualTo(bytes);
    }

    @Test
    void refusesATruncatedDatabase() throws Exception {
        Path file = populated();
        Corruption.truncate(file, 0.5);

        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OPENROM_DATABASE);
        assertThat(e.getMessage()).startsWith("ST-1002: " + file + " is not a valid OpenROM database: ");
    }

    @Test
    void refusesADatabaseWithDamagedPages() throws Exception {
        Path file = populated();
        Corruption.overwritePages(file, 20, 30);

        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OPENROM_DATABASE);
        assertThat(e.getMessage()).startsWith("ST-1002: " + file + " is not a valid OpenROM database: ");
    }

    @Test
    void opensTheSameDatabaseUndamaged() throws Exception {
        // Control for the two tests above: the populated file itself opens and is healthy.
        Path file = populated();
        try (CloseableResponseStore store = SqliteStores.open(file)) {
            assertThat(store.status().ok()).isTrue();
            assertThat(store.find("qr-299")).isPresent();
        }
    }

    @Test
    void refusesAnotherApplicationsSqliteFile() throws Exception {
        Path file = dir.resolve("openrom.db");
        try (RawDb raw = RawDb.open(file)) {
            raw.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }
        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OPENROM_DATABASE);
        assertThat(e.getMessage()).contains("holds tables but no OpenROM schema version");
        try (RawDb raw = RawDb.open(file)) {
            assertThat(raw.tableExists("response")).as("not migrated").isFalse();
        }
    }

    @Test
    void refusesASchemaNewerThanThisSoftware() throws Exception {
        Path file = dir.resolve("openrom.db");
        SqliteStores.open(file).close();
        try (RawDb raw = RawDb.open(file)) {
            raw.exec("PRAGMA user_version = 7");
        }
        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_TOO_NEW);
        assertThat(e).hasMessageStartingWith(
                "ST-1003: " + file + " has schema version 7, newer than this software knows (" + Migrator.SCRIPTS.size() + ")");
        try (RawDb raw = RawDb.open(file)) {
            assertThat(raw.count("PRAGMA user_version")).as("not downgraded").isEqualTo(7);
        }
    }

    @Test
    void refusesADataFolderUnderARegularFile() throws Exception {
        Path notAFolder = dir.resolve("file.txt");
        Files.writeString(notAFolder, "just a file");
        Path file = notAFolder.resolve("openrom.db");

        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.FOLDER_NOT_WRITABLE);
        assertThat(e).hasMessage("ST-1001: cannot write data folder " + notAFolder + ": " + notAFolder
                + " is a file, not a folder");
    }

    @Test
    void refusesADataFolderBelowARegularFile() throws Exception {
        Path notAFolder = dir.resolve("file.txt");
        Files.writeString(notAFolder, "just a file");
        Path file = notAFolder.resolve("sub").resolve("openrom.db");

        StoreOpenException e = openFails(file);
        assertThat(e.reason()).isEqualTo(Reason.FOLDER_NOT_WRITABLE);
        assertThat(e).hasMessage("ST-1001: cannot write data folder " + file.getParent() + ": not a directory");
    }

    @Test
    void refusesAFolderWithoutWritePermission() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "root".equals(System.getProperty("user.name")), "root ignores file permissions");
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            StoreOpenException e = openFails(folder.resolve("openrom.db"));
            assertThat(e).hasMessage("ST-1001: cannot write data folder " + folder + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void createsAMissingDataFolder() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("openrom.db");
        try (CloseableResponseStore store = SqliteStores.open(file)) {
            assertThat(store.status().ok()).isTrue();
        }
        assertThat(file).isRegularFile();
    }
}
