package org.openrom.store.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrom.store.StoreOpenException;
import org.openrom.store.StoreOpenException.Reason;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * Opens connections to the database file with the settings every OpenROM connection uses, and turns
 * failures into a {@link StoreOpenException} that says what is wrong in one line.
 */
final class DatabaseFile {

    /** How long a connection waits for another process's write lock (the agent) before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** The two kinds of connection: one writer per process; readers never write. */
    enum Role {
        WRITER,
        READER
    }

    private static final int SQLITE_BUSY = 5;
    private static final Pattern SQLITE_DETAIL = Pattern.compile(".*\\((.+)\\)\\s*$", Pattern.DOTALL);

    private DatabaseFile() {}

    /** Creates the data folder if missing and proves it can be written (SQLite also writes -wal and -shm). */
    static void prepareFolder(Path file) throws StoreOpenException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IllegalArgumentException("database path has no folder: " + file);
        }
        try {
            Files.createDirectories(folder);
            if (Files.isDirectory(file)) {
                throw new StoreOpenException(Reason.CANNOT_OPEN, "cannot open " + file + ": it is a folder, not a file");
            }
            Path probe = Files.createTempFile(folder, ".openrom-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StoreOpenException(Reason.FOLDER_NOT_WRITABLE, "cannot write data folder " + folder + ": "
                    + folderProblem(e), e);
        }
    }

    private static String folderProblem(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * A new connection. The writer sets WAL (persistent in the file), {@code synchronous=FULL} (each
     * commit is on disk before it returns) and foreign keys; a reader is {@code query_only}.
     */
    static Connection connect(Path file, Role role) throws StoreOpenException {
        return connect(file, role, BUSY_TIMEOUT_MILLIS);
    }

    /**
     * @param walPatienceMillis how long a writer tries again when the switch to WAL meets SQLITE_BUSY (0 only for the
     *     control run of the concurrent-open test)
     */
    static Connection connect(Path file, Role role, int walPatienceMillis) throws StoreOpenException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        Connection c = null;
        try {
            c = source.getConnection();
            if (role == Role.WRITER) {
                walMode(c, walPatienceMillis);
            }
            if (role == Role.READER) {
                Pragmas.exec(c, "PRAGMA query_only = ON");
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw classify(file, e);
        }
    }

    /**
     * Puts the database in WAL mode (persistent in the file). When two processes open a new database at once (the
     * launcher's check and the store bundle, or the site and the agent), SQLite may answer this switch with SQLITE_BUSY
     * at once, without waiting (a lock upgrade that could deadlock), so it is tried again until
     * {@code patienceMillis} have passed.
     */
    static void walMode(Connection c, int patienceMillis) throws SQLException {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000L;
        for (int attempt = 0;; attempt++) {
            try {
                Pragmas.stringPragma(c, "journal_mode = WAL"); // SqliteResponseStore reports a mode that did not change
                return;
            } catch (SQLiteException e) {
                if ((e.getResultCode().code & 0xFF) != SQLITE_BUSY || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(Math.min(50, 1L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to put the database in WAL mode", e);
            }
        }
    }

    static void closeQuietly(Connection c, Throwable original) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                original.addSuppressed(e);
            }
        }
    }

    /** Turns a SQLite failure while opening or migrating into the error a site admin can act on. */
    static StoreOpenException classify(Path file, SQLException e) {
        String detail = sqliteMessage(e);
        int code = e instanceof SQLiteException s ? s.getResultCode().code & 0xFF : e.getErrorCode() & 0xFF;
        return switch (code) {
            case 26, 11 -> new StoreOpenException( // SQLITE_NOTADB, SQLITE_CORRUPT
                    Reason.NOT_AN_OPENROM_DATABASE, file + " is not a valid OpenROM database: " + detail, e);
            case 3, 8 -> new StoreOpenException( // SQLITE_PERM, SQLITE_READONLY
                    Reason.FOLDER_NOT_WRITABLE, "cannot write " + file + ": " + detail, e);
            case 5, 6 -> new StoreOpenException( // SQLITE_BUSY, SQLITE_LOCKED
                    Reason.CANNOT_OPEN, file + " is locked by another process: " + detail, e);
            default -> new StoreOpenException(Reason.CANNOT_OPEN, "cannot open " + file + ": " + detail, e);
        };
    }

    /** SQLite's own words, e.g. {@code file is not a database}, without the driver's prefix. */
    static String sqliteMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = SQLITE_DETAIL.matcher(message);
        return (m.matches() ? m.group(1) : message).replaceAll("\\s+", " ").trim();
    }
}
