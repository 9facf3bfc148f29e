package org.openrom.central.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connections to the collator's database and its schema migrations. SQLite (the default): one connection,
 * WAL, {@code synchronous=FULL}, {@code BEGIN IMMEDIATE} transactions, used by one thread at a time.
 * PostgreSQL ({@code jdbc:postgresql:…}): a connection per transaction (READ COMMITTED; the unique indexes are the
 * guarantee, see {@link CollatorStore}). The SQL is the same for both; migrations on PostgreSQL hold an advisory lock,
 * so that two processes opening a new database at once do not both create the schema.
 */
final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final List<String> SCRIPTS = List.of("V001__collator.sql", "V002__event_kind.sql");
    /** Key of the PostgreSQL advisory lock held while migrating ("OROM" as an integer). */
    static final long MIGRATION_LOCK = 0x4f524f4dL;
    /** How long a SQLite connection waits for another one's lock. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int SQLITE_BUSY = 5;

    /** Work done inside one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException, IntakeException, IOException;
    }

    private final String url;
    private final boolean sqlite;
    private final boolean atomic;
    private final boolean openSafeguards;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final @org.jspecify.annotations.Nullable Connection shared;
    private final javax.sql.@org.jspecify.annotations.Nullable DataSource postgres;

    Database(String url) throws SQLException {
        this(url, true);
    }

    /**
     * @param atomic false only for the control run of the all-or-nothing test: work then runs in auto-commit, each
     *     statement on its own, so a failure part way through leaves what was written before it
     */
    Database(String url, boolean atomic) throws SQLException {
        this(url, atomic, true);
    }

    /**
     * @param openSafeguards false only for the control runs of the concurrent-open tests: no advisory lock around
     *     migrations on PostgreSQL, no retry of the switch to WAL on SQLite
     */
    Database(String url, boolean atomic, boolean openSafeguards) throws SQLException {
        this.url = url;
        this.atomic = atomic;
        this.openSafeguards = openSafeguards;
        if (url.startsWith("jdbc:sqlite:")) {
            sqlite = true;
            SQLiteConfig config = new SQLiteConfig();
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(url);
            Connection c = ds.getConnection();
            try {
                walMode(c, openSafeguards ? BUSY_TIMEOUT_MILLIS : 0);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.close();
                } catch (SQLException s) {
                    e.addSuppressed(s);
                }
                throw e;
            }
            shared = c;
            postgres = null;
        } else if (url.startsWith("jdbc:postgresql:")) {
            sqlite = false;
            postgres = Postgres.dataSource(url);
            shared = null;
        } else {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql:, not '" + redacted(url) + "'");
        }
        migrate();
    }

    /**
     * Puts a SQLite database in WAL mode (persistent in the file). When several processes open a new database at once,
     * SQLite may answer this switch with SQLITE_BUSY at once, without waiting (a lock upgrade that could deadlock), so
     * it is tried again until {@code patienceMillis} have passed.
     */
    static void walMode(Connection c, int patienceMillis) throws SQLException {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000L;
        for (int attempt = 0;; attempt++) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (org.sqlite.SQLiteException e) {
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

    /** The URL without anything after '?' (credentials live there). */
    static String redacted(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    boolean sqlite() {
        return sqlite;
    }

    /** Runs {@code work} in one transaction: commit when it returns, roll back when it throws. */
    <T> T transaction(Work<T> work) throws SQLException, IntakeException, IOException {
        return transaction(work, atomic);
    }

    private <T> T transaction(Work<T> work, boolean atomic) throws SQLException, IntakeException, IOException {
        if (sqlite) {
            lock.lock();
            try {
                return run(java.util.Objects.requireNonNull(shared), work, atomic);
            } finally {
                lock.unlock();
            }
        }
        try (Connection c = java.util.Objects.requireNonNull(postgres).getConnection()) {
            return run(c, work, atomic);
        }
    }

    private static <T> T run(Connection c, Work<T> work, boolean atomic) throws SQLException, IntakeException, IOException {
        if (!atomic) {
            c.setAutoCommit(true);
            return work.run(c);
        }
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | IntakeException | IOException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void migrate() throws SQLException {
        try {
            transaction(c -> {
                if (!sqlite && openSafeguards) {
                    // Released at commit or rollback. SQLite's BEGIN IMMEDIATE already excludes other writers.
                    exec(c, "SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                }
                exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR(64) NOT NULL,"
                        + " applied VARCHAR(32) NOT NULL)");
                int current;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                    current = rs.next() ? rs.getInt(1) : 0;
                }
                if (current > SCRIPTS.size()) {
                    throw new SQLException(redacted(url) + " has schema version " + current
                            + ", newer than this software knows (" + SCRIPTS.size() + ")");
                }
                for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                    String name = SCRIPTS.get(v - 1);
                    for (String statement : statements(load(name))) {
                        exec(c, statement);
                    }
                    exec(c, "INSERT INTO schema_version (version, name, applied) VALUES (" + v + ", '" + name + "', '"
                            + Instant.now() + "')");
                    LOG.info("Applied collator schema migration {}", name);
                }
                return null;
            }, true);
        } catch (IntakeException | IOException e) {
            throw new SQLException("migrating " + redacted(url) + " failed: " + e.getMessage(), e);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String load(String name) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream("/org/openrom/central/intake/migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Statements of a script: comments dropped, split at ';' ending a line. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (l.startsWith("--") || l.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (l.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("script ends without ';': " + current);
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        if (shared != null) {
            lock.lock();
            try {
                shared.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
