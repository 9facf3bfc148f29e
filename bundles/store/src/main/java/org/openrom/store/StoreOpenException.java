package org.openrom.store;

import static java.util.Objects.requireNonNull;

/**
 * The database cannot be opened. The message is one line, starts with the stable code and says what is
 * wrong and where, e.g. {@code ST-1002: /var/lib/openrom/openrom.db is not a valid OpenROM database: file
 * is not a database}. It never contains clinical data.
 *
 * @since 1.0.0
 */
public final class StoreOpenException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Why the database cannot be opened. Codes are stable: support and audit rely on them.
     *
     * @since 1.0.0
     */
    public enum Reason {
        /** The data folder cannot be created or written. */
        FOLDER_NOT_WRITABLE("ST-1001"),
        /** The file is not a SQLite database, is corrupt, or belongs to another application. */
        NOT_AN_OPENROM_DATABASE("ST-1002"),
        /** The file's schema version is newer than this software knows: it was written by a newer release. */
        SCHEMA_TOO_NEW("ST-1003"),
        /** A schema migration failed; the database is left at the previous version. */
        MIGRATION_FAILED("ST-1004"),
        /** Any other failure to open the file (locked for too long, I/O error). */
        CANNOT_OPEN("ST-1005");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The stable error code, e.g. {@code ST-1001}. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param detail one line saying what is wrong, naming the file or folder
     * @param cause the underlying failure, if any
     */
    public StoreOpenException(Reason reason, String detail, Throwable cause) {
        super(requireNonNull(reason, "reason").code() + ": " + requireNonNull(detail, "detail"), cause);
        this.reason = reason;
    }

    /**
     * @param reason why
     * @param detail one line saying what is wrong, naming the file or folder
     */
    public StoreOpenException(Reason reason, String detail) {
        super(requireNonNull(reason, "reason").code() + ": " + requireNonNull(detail, "detail"));
        this.reason = reason;
    }

    /** Why the database cannot be opened. */
    public Reason reason() {
        return reason;
    }

    /** The stable error code of the reason, e.g. {@code ST-1002}. */
    public String code() {
        return reason.code();
    }
}
