package org.openrom.store.internal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.openrom.store.StoreOpenException;
import org.openrom.store.StoreOpenException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema version this software knows, one migration per transaction.
 *
 * <p>Each migration runs inside {@code BEGIN IMMEDIATE … COMMIT} together with {@code PRAGMA
 * user_version = n}, so a process killed half way through leaves the previous version intact: SQLite
 * discards the uncommitted frames on the next open. A database whose version is newer than ours is refused,
 * never downgraded; a file that is not ours (another application id, or tables without a version) is
 * refused, never migrated.
 */
final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    /** The scripts in order. A new migration is a new file here; an applied one is never edited. */
    static final List<String> SCRIPTS = List.of("V001__responses.sql", "V002__cases.sql", "V003__audit_lookup.sql",
            "V004__response_by_episode.sql");

    /** {@code PRAGMA application_id} of an OpenROM database: 'OROM'. */
    static final int APPLICATION_ID = 0x4F524F4D;

    /** How each migration is applied. Only tests use anything but {@link #ATOMIC}. */
    enum Mode {
        /** One transaction per migration: the production behaviour. */
        ATOMIC,
        /** Each statement commits on its own: the safeguard switched off, for the control run of a test. */
        AUTOCOMMIT_UNSAFE
    }

    /** Called after each statement of a migration; tests use it to stop a process at a known point. */
    interface StatementListener {
        void executed(Migration migration, int statementIndex);
    }

    private final List<Migration> migrations;
    private final Mode mode;
    private final StatementListener listener;

    Migrator(List<Migration> migrations, Mode mode, StatementListener listener) {
        this.migrations = List.copyOf(migrations);
        this.mode = requireNonNull(mode, "mode");
        this.listener = requireNonNull(listener, "listener");
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must run 1, 2, 3 …: "
                        + this.migrations.get(i).name() + " is at position " + (i + 1));
            }
        }
    }

    /** The migrations shipped in this bundle, applied atomically. */
    static Migrator bundled() {
        return new Migrator(SCRIPTS.stream().map(Migration::load).toList(), Mode.ATOMIC, (m, i) -> {});
    }

    int latestVersion() {
        return migrations.size();
    }

    /** @return the schema version the database is at afterwards */
    int migrate(Connection c, Path file) throws StoreOpenException {
        int current;
        try {
            // One read transaction, so the version and the tables are seen at the same moment: another process (the
            // launcher's check, the agent) may be creating the schema of a new database right now.
            Pragmas.exec(c, "BEGIN DEFERRED");
            try {
                current = Pragmas.userVersion(c);
                checkOwnership(c, file, current);
            } finally {
                Pragmas.exec(c, "COMMIT");
            }
        } catch (SQLException e) {
            throw DatabaseFile.classify(file, e);
        }
        if (current > latestVersion()) {
            throw new StoreOpenException(Reason.SCHEMA_TOO_NEW, file + " has schema version " + current
                    + ", newer than this software knows (" + latestVersion()
                    + "): it was written by a newer OpenROM release; run that release or restore a backup");
        }
        for (Migration m : migrations.subList(current, migrations.size())) {
            apply(c, file, m);
        }
        return Math.max(current, latestVersion());
    }

    private void apply(Connection c, Path file, Migration m) throws StoreOpenException {
        try {
            if (mode == Mode.ATOMIC) {
                applyInTransaction(c, m);
            } else {
                runStatements(c, m);
                Pragmas.exec(c, "PRAGMA user_version = " + m.version());
            }
            LOG.info("Applied schema migration {} to {}", m.name(), file);
        } catch (SQLException e) {
            throw new StoreOpenException(Reason.MIGRATION_FAILED, "cannot upgrade " + file + " to schema version "
                    + m.version() + " (" + m.name() + "): " + DatabaseFile.sqliteMessage(e)
                    + "; it is still at version " + (m.version() - 1), e);
        }
    }

    private void applyInTransaction(Connection c, Migration m) throws SQLException {
        Pragmas.exec(c, "BEGIN IMMEDIATE");
        try {
            // Another process (the agent) may have applied it while we waited for the write lock.
            if (Pragmas.userVersion(c) >= m.version()) {
                Pragmas.exec(c, "ROLLBACK");
                return;
            }
            runStatements(c, m);
            Pragmas.exec(c, "PRAGMA user_version = " + m.version());
            Pragmas.exec(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Pragmas.rollbackQuietly(c, e);
            throw e;
        }
    }

    private void runStatements(Connection c, Migration m) throws SQLException {
        for (int i = 0; i < m.statements().size(); i++) {
            Pragmas.exec(c, m.statements().get(i));
            listener.executed(m, i);
        }
    }

    private static void checkOwnership(Connection c, Path file, int version) throws SQLException, StoreOpenException {
        int applicationId = Pragmas.intPragma(c, "application_id");
        if (applicationId != APPLICATION_ID && (applicationId != 0 || version != 0)) {
            throw new StoreOpenException(Reason.NOT_AN_OPENROM_DATABASE, file
                    + " is not a valid OpenROM database: it belongs to another application (application_id "
                    + applicationId + ", schema version " + version + ")");
        }
        if (version == 0 && Pragmas.userObjectCount(c) > 0) {
            throw new StoreOpenException(Reason.NOT_AN_OPENROM_DATABASE, file
                    + " is not a valid OpenROM database: it holds tables but no OpenROM schema version"
                    + " (another application's file, or an interrupted first start)");
        }
    }
}
