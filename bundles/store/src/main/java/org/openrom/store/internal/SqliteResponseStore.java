package org.openrom.store.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;
import org.openrom.api.store.AuditEntry;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.SaveOutcome;
import org.openrom.api.store.StoreStatus;
import org.openrom.api.store.StoredResponse;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.StoreOpenException;
import org.openrom.store.StoreOpenException.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response store on one SQLite file: WAL, {@code synchronous=FULL}, one writer connection owned by a
 * group-commit thread ({@link GroupCommitWriter}), {@value #READERS} read-only connections ({@link ReaderPool}) and a
 * checkpoint thread ({@link Checkpointer}). Thread-safe. {@link #save} returns
 * only after the transaction holding its savepoint (response, outbox row, audit row) is committed to disk,
 * unless the test control {@code acknowledge = before-commit-UNSAFE} is set.
 *
 * <p>Immediate, so a bad database is reported when the runtime starts, not on the first save.
 */
@Component(service = ResponseStore.class, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SqliteResponseStore.Config.class)
public final class SqliteResponseStore implements CloseableResponseStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteResponseStore.class);

    private static final String COLUMNS = ResponseRows.COLUMNS;

    /** Who the audit row names for a save through {@link #save(StoredResponse)}, which names no user. */
    static final String SYSTEM_ACTOR = "system";

    @ObjectClassDefinition(
            name = "OpenROM response store (SQLite)",
            description = "The site's durable buffer of captured responses, read by the submission agent.")
    public @interface Config {
        @AttributeDefinition(
                name = "Database file",
                description = "Absolute path of the SQLite file, e.g. /var/lib/openrom/openrom.db."
                        + " The folder is created when missing.")
        String databasePath();

        @AttributeDefinition(
                name = "Acknowledge",
                description = "When a save returns: after-commit (durable; the only setting for a site) or"
                        + " before-commit-UNSAFE, a test control for the kill test's control run that loses"
                        + " acknowledged responses; the health report turns red while it is set.",
                options = {
                    @Option(value = "after-commit", label = "After the commit (durable)"),
                    @Option(value = "before-commit-UNSAFE", label = "Before the commit (test control, unsafe)")
                })
        String acknowledge() default "after-commit";

        @AttributeDefinition(
                name = "Write queue capacity",
                description = "Saves that may wait for the writer; a caller finding the queue full waits up to"
                        + " 10 s, then gets an error.")
        int queueCapacity() default 1024;

        @AttributeDefinition(
                name = "Largest commit group",
                description = "Saves committed together in one transaction (each in its own savepoint) at most.")
        int maxGroupSize() default 128;

        @AttributeDefinition(
                name = "Wait for company (microseconds)",
                description = "Under load only (a group of two or more), how long the writer waits for more saves"
                        + " before committing. 0 never waits: a lone save commits as soon as the writer is free.")
        long maxGroupWaitMicros() default 0;

        @AttributeDefinition(
                name = "Commit delay for tests (ms)",
                description = "A test control that pauses before every commit. 0 for a site; the health report"
                        + " turns red otherwise.")
        long testCommitDelayMillis() default 0;
    }

    private final Path file;
    private final Clock clock;
    private final int schemaVersion;
    /**
     * Read-only connections: enough for a 2-core site server's request threads to read side by side (each read
     * takes well under a millisecond), few enough that idle ones cost little.
     */
    static final int READERS = 4;
    /** How often committed pages move from the WAL into the database file, off the commit path. */
    static final long CHECKPOINT_MILLIS = 1000;

    private final Object closeLock = new Object();
    private final Connection writerConnection;
    private final GroupCommitWriter writer;
    private final WriteOptions options;
    private final ReaderPool readers;
    private final Checkpointer checkpointer;
    private final QuickCheck quickCheck;
    /**
     * What {@link #recordCase} last wrote for each young person. The web bundle records the case before every
     * submission; when nothing changed, this spares the submission a second trip through the writer (a second commit
     * to wait for). This store is the database's only writer, so the map cannot go stale; it is emptied when large.
     */
    private final ConcurrentHashMap<String, RecordedCase> recordedCases = new ConcurrentHashMap<>();

    private record RecordedCase(Patient patient, List<Episode> episodes) {}

    private static final int RECORDED_CASES_LIMIT = 10_000;
    private volatile boolean closed;

    /** The DS component: opens the file named by the configuration. */
    @Activate
    public SqliteResponseStore(Config config) throws StoreOpenException {
        this(databasePath(config), Clock.systemUTC(), Migrator.bundled(), WriteOptions.of(config));
    }

    /** Plain Java (the launcher, tools): see {@link org.openrom.store.SqliteStores#open}. */
    public SqliteResponseStore(Path file) throws StoreOpenException {
        this(requireAbsolute(file), Clock.systemUTC(), Migrator.bundled(), WriteOptions.DEFAULTS);
    }

    SqliteResponseStore(Path file, Clock clock, Migrator migrator) throws StoreOpenException {
        this(file, clock, migrator, WriteOptions.DEFAULTS);
    }

    SqliteResponseStore(Path file, Clock clock, Migrator migrator, WriteOptions options) throws StoreOpenException {
        this.options = requireNonNull(options, "options");
        this.file = requireAbsolute(file);
        this.clock = requireNonNull(clock, "clock");
        this.quickCheck = new QuickCheck(this.file, clock);
        DatabaseFile.prepareFolder(this.file);
        Connection w = DatabaseFile.connect(this.file, DatabaseFile.Role.WRITER);
        ReaderPool r = null;
        try {
            checkIntegrity(w);
            this.schemaVersion = migrator.migrate(w, this.file);
            r = new ReaderPool(this.file, READERS);
            Pragmas.exec(w, "PRAGMA wal_autocheckpoint = 0"); // the Checkpointer's thread does it, off the commits
            String journal = Pragmas.stringPragma(w, "journal_mode");
            if (!"wal".equalsIgnoreCase(journal)) {
                LOG.warn("{} is in journal mode {}, not wal: status() will report it as unhealthy", this.file, journal);
            }
        } catch (StoreOpenException | RuntimeException e) {
            closeReaders(r);
            DatabaseFile.closeQuietly(w, e);
            throw e;
        } catch (SQLException e) {
            closeReaders(r);
            DatabaseFile.closeQuietly(w, e);
            throw DatabaseFile.classify(this.file, e);
        }
        this.writerConnection = w;
        this.readers = r;
        try {
            this.checkpointer = new Checkpointer(this.file, CHECKPOINT_MILLIS);
        } catch (StoreOpenException e) {
            closeReaders(r);
            DatabaseFile.closeQuietly(w, e);
            throw e;
        }
        this.writer = new GroupCommitWriter(this.file, w, options);
        for (String warning : options.warnings()) {
            LOG.error("{}: {}", this.file, warning);
        }
        LOG.debug("Opened {} at schema version {}", this.file, schemaVersion);
    }

    private void checkIntegrity(Connection c) throws SQLException, StoreOpenException {
        String answer = Pragmas.stringPragma(c, "quick_check(1)");
        quickCheck.remember(answer);
        if (!"ok".equals(answer)) {
            throw new StoreOpenException(Reason.NOT_AN_OPENROM_DATABASE, file
                    + " is not a valid OpenROM database: quick_check found " + answer.replaceAll("\\s+", " "));
        }
    }

    static Path databasePath(Config config) {
        String value = config.databasePath();
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("databasePath is missing: '" + value + "'");
        }
        if (value.contains("$[")) {
            throw new IllegalArgumentException("databasePath was not interpolated (is the Config Admin"
                    + " interpolation plugin installed?): '" + value + "'");
        }
        try {
            Path path = Path.of(value);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("databasePath must be an absolute file path: '" + value + "'");
            }
            return path.normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("databasePath is not a valid path: '" + value + "'", e);
        }
    }

    private static Path requireAbsolute(Path file) {
        requireNonNull(file, "file");
        if (!file.isAbsolute()) {
            throw new IllegalArgumentException("database file must be an absolute path: " + file);
        }
        return file.normalize();
    }

    @Override
    public SaveOutcome save(StoredResponse response) {
        return save(response, SYSTEM_ACTOR);
    }

    @Override
    public SaveOutcome save(StoredResponse response, String actor) {
        requireNonNull(response, "response");
        AuditRules.requireActor(actor);
        Instant now = clock.instant();
        String authored = Timestamps.format(response.authored(), "authored");
        PendingWrite<SaveOutcome> w = new PendingWrite<>("cannot save response " + response.responseId(),
                c -> ResponseRows.insert(c, response, authored, now, actor));
        if (options.acknowledge() == WriteOptions.Acknowledge.BEFORE_COMMIT_UNSAFE) {
            writer.enqueue(w); // the test control: report success before anything is written
            return SaveOutcome.STORED;
        }
        return writer.write(w);
    }

    @Override
    public void audit(String actor, String action, String object) {
        AuditRules.requireActor(actor);
        AuditRules.requireAction(action);
        AuditRules.requireObject(object);
        Instant now = clock.instant();
        writer.write(new PendingWrite<>("cannot append to the audit log", c -> {
            AuditLog.append(c, now, actor, action, object);
            return null;
        }));
    }

    @Override
    public List<AuditEntry> audited(String action, String object) {
        AuditRules.requireAction(action);
        AuditRules.requireObject(object);
        requireOpen();
        try {
            return readers.read(statements -> {
                PreparedStatement ps = statements.prepare(
                        "SELECT at, actor FROM audit WHERE object = ? AND action = ? ORDER BY seq");
                ps.setString(1, object);
                ps.setString(2, action);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(Timestamps.parse(rs.getString(1)), rs.getString(2), action, object));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw failure("cannot read the audit log", e);
        }
    }

    @Override
    public void recordCase(Patient patient, List<Episode> episodes) {
        requireNonNull(patient, "patient");
        List<Episode> copy = List.copyOf(episodes);
        CaseRows.validate(patient, copy);
        RecordedCase recorded = new RecordedCase(patient, copy);
        if (recorded.equals(recordedCases.get(patient.id()))) {
            return;
        }
        Instant now = clock.instant();
        writer.write(new PendingWrite<>("cannot record patient " + patient.id(),
                c -> CaseRows.upsert(c, patient, copy, now)));
        if (recordedCases.size() >= RECORDED_CASES_LIMIT) {
            recordedCases.clear();
        }
        recordedCases.put(patient.id(), recorded);
    }

    @Override
    public Optional<StoredResponse> find(String responseId) {
        requireNonNull(responseId, "responseId");
        List<StoredResponse> found = query("SELECT " + COLUMNS + " FROM response WHERE response_id = ?", responseId);
        return found.stream().findFirst();
    }

    @Override
    public List<StoredResponse> responses(String patientId, @Nullable String measureId) {
        requireNonNull(patientId, "patientId");
        return measureId == null
                ? query("SELECT " + COLUMNS + " FROM response WHERE patient_id = ? ORDER BY authored, rowid", patientId)
                : query("SELECT " + COLUMNS + " FROM response WHERE patient_id = ? AND measure_id = ?"
                        + " ORDER BY authored, rowid", patientId, measureId);
    }

    private List<StoredResponse> query(String sql, String... parameters) {
        requireOpen();
        try {
            return readers.read(statements -> {
                PreparedStatement ps = statements.prepare(sql);
                for (int i = 0; i < parameters.length; i++) {
                    ps.setString(i + 1, parameters[i]);
                }
                List<StoredResponse> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredResponse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Timestamps.parse(rs.getString(5)), rs.getString(6), rs.getString(7)));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw failure("cannot read responses", e);
        }
    }

    @Override
    public StoreStatus status() {
        int version;
        String journal;
        requireOpen();
        try {
            String[] read = readers.read(statements -> new String[] {
                Integer.toString(Pragmas.userVersion(statements.connection())),
                Pragmas.stringPragma(statements.connection(), "journal_mode")});
            version = Integer.parseInt(read[0]);
            journal = read[1];
        } catch (SQLException e) {
            return new StoreStatus(false, -1, DatabaseFile.sqliteMessage(e), "unknown");
        }
        String check = quickCheck.result();
        List<String> warnings = options.warnings();
        boolean ok = "ok".equals(check) && "wal".equalsIgnoreCase(journal) && version == schemaVersion
                && warnings.isEmpty();
        return new StoreStatus(ok, version, check, journal.toLowerCase(Locale.ROOT), warnings);
    }

    @Override
    @Deactivate
    public void close() {
        writer.close(); // commits every queued write first
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            readers.close();
            checkpointer.close();
            closeLogged(writerConnection);
            LOG.debug("Closed {}", file);
        }
    }

    /** Checkpoints the background thread has run (for tests). */
    long checkpointRuns() {
        return checkpointer.runs();
    }

    private static void closeReaders(@Nullable ReaderPool pool) {
        if (pool != null) {
            pool.close();
        }
    }

    private void closeLogged(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing a connection to {} failed", file, e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the response store " + file + " is closed");
        }
    }

    private UncheckedIOException failure(String what, SQLException e) {
        return new UncheckedIOException(what + " in " + file + ": " + DatabaseFile.sqliteMessage(e), new IOException(e));
    }

    /** The file this store works on. */
    Path file() {
        return file;
    }

    /** The group-commit writer, for tests and the harness to read its counters. */
    GroupCommitWriter writer() {
        return writer;
    }
}
