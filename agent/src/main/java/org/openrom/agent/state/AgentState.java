package org.openrom.agent.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.schedule.Quarter;
import org.openrom.agent.schedule.QuarterScheme;

/**
 * The agent's own SQLite file ({@code agent.db}; WAL, {@code synchronous=FULL}): batches, the outbox cursor and a
 * run log. Every state change is one transaction, and a change that does not start from the expected state is an
 * {@link IllegalStateException} (nothing moves a batch backwards). After each change the listener runs (it writes
 * {@code agent-status.json}). Not thread-safe beyond its own monitor: one agent process owns the file.
 */
public final class AgentState implements AutoCloseable {
    private final Connection db;
    private final Clock clock;
    private final Runnable onChange;

    private AgentState(Connection db, Clock clock, Runnable onChange) {
        this.db = db;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Opens (creating or migrating) the state file. */
    public static AgentState open(Path file, Clock clock, Runnable onChange) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            StateSchema.migrate(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new AgentState(c, clock, onChange);
    }

    /**
     * Records the intent to seal {@code quarter}: a new batch id, the next sequence, the outbox rows after the
     * cursor, the manifest's {@code created} time. One transaction. The cursor moves only when the batch is sealed.
     */
    public synchronized BatchRecord recordIntent(Quarter quarter, Path batchDir) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        BatchRecord intent = inTransaction(() -> {
            if (!query("WHERE state = 'SEALING'").isEmpty()) {
                throw new IllegalStateException("an unfinished seal must be finished before the next one");
            }
            long from = cursor();
            long sequence = single("SELECT coalesce(max(sequence), 0) + 1 FROM batch");
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO batch (batch_id, sequence, quarter, quarter_start,"
                    + " quarter_end, from_seq, to_seq, created, file, state, intended_at) VALUES (?,?,?,?,?,?,?,?,?,'SEALING',?)")) {
                Sql.bind(ps, id, sequence, quarter.id(), quarter.start().toString(), quarter.end().toString(), from, from,
                        now.toString(), batchDir.resolve(id + ".p7m").toString(), now.toString());
                ps.executeUpdate();
            }
            logInTx("intent", "batch " + sequence + " " + id + " for " + quarter.id() + ", outbox rows after " + from);
            return batch(id).orElseThrow();
        });
        onChange.run();
        return intent;
    }

    /** SEALING → SEALED with the file's size, SHA-256 and last outbox seq; moves the cursor there. One transaction. */
    public synchronized void markSealed(String batchId, long bytes, String sha256, long lastSeq) throws SQLException {
        inTransaction(() -> {
            BatchRecord b = batch(batchId).orElseThrow(() -> new IllegalStateException("unknown batch " + batchId));
            if (lastSeq < b.fromSeq()) {
                throw new IllegalStateException("batch " + batchId + " ends at outbox seq " + lastSeq
                        + ", before its start " + b.fromSeq());
            }
            transitionInTx(batchId, "state = 'SEALED', bytes = ?, sha256 = ?, to_seq = ?, sealed_at = ?",
                    List.of(BatchState.SEALING), "sealed", bytes, sha256, lastSeq, clock.instant().toString());
            update("UPDATE cursor SET outbox_seq = max(outbox_seq, ?) WHERE id = 1", lastSeq);
            return null;
        });
        onChange.run();
    }

    /** The quarter had nothing to send: the intent is dropped (its sequence is reused) and the quarter marked done. */
    public synchronized void markEmpty(String batchId) throws SQLException {
        inTransaction(() -> {
            BatchRecord b = batch(batchId).orElseThrow(() -> new IllegalStateException("unknown batch " + batchId));
            if (b.state() != BatchState.SEALING) {
                throw new IllegalStateException("batch " + batchId + " is " + b.state() + ", not SEALING");
            }
            update("DELETE FROM batch WHERE batch_id = ?", batchId);
            update("INSERT INTO empty_quarter (quarter, quarter_start, at) VALUES (?, ?, ?)", b.quarter().id(),
                    b.quarter().start().toString(), clock.instant().toString());
            logInTx("quarter", b.quarter().id() + " had nothing to send");
            return null;
        });
        onChange.run();
    }

    /** A seal that failed: the intent stays (it is redone next run) and the error shows on the status page. */
    public synchronized void noteSealFailure(String batchId, String error) throws SQLException {
        transition(batchId, "last_error = ?, last_attempt = ?", List.of(BatchState.SEALING), "seal failed: " + error,
                error, clock.instant().toString());
    }

    /** Stores a small named value (the last clock skew seen, …). */
    public synchronized void put(String key, String value) throws SQLException {
        update("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
    }

    public synchronized Optional<String> get(String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT value FROM kv WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** True when the quarter was handled with nothing to send. */
    public synchronized boolean wasEmpty(Quarter q) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM empty_quarter WHERE quarter = ?")) {
            ps.setString(1, q.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records an attempt that did not end in a receipt: SEALED/SENDING/STOPPED → SENDING. */
    public synchronized void recordFailedAttempt(String batchId, String error) throws SQLException {
        transition(batchId, "state = 'SENDING', attempts = attempts + 1, last_error = ?, last_attempt = ?",
                List.of(BatchState.SEALED, BatchState.SENDING, BatchState.STOPPED), "attempt failed: " + error,
                error, clock.instant().toString());
    }

    /** A refusal a retry cannot fix: → STOPPED with the error. */
    public synchronized void markStopped(String batchId, String error) throws SQLException {
        transition(batchId, "state = 'STOPPED', attempts = attempts + 1, last_error = ?, last_attempt = ?",
                List.of(BatchState.SEALED, BatchState.SENDING, BatchState.STOPPED), "stopped: " + error, error,
                clock.instant().toString());
    }

    /** A verified receipt: → ACKNOWLEDGED, storing the receipt's bytes and JSON. */
    public synchronized void markAcknowledged(String batchId, byte[] receipt, String receiptJson) throws SQLException {
        Instant now = clock.instant();
        transition(batchId, "state = 'ACKNOWLEDGED', attempts = attempts + 1, last_error = NULL, last_attempt = ?, "
                + "acknowledged_at = ?, receipt = ?, receipt_json = ?", List.of(BatchState.SEALED, BatchState.SENDING,
                BatchState.STOPPED), "acknowledged", now.toString(), now.toString(), receipt, receiptJson);
    }

    /** ACKNOWLEDGED → PURGED (the file has been deleted; the receipt stays). */
    public synchronized void markPurged(String batchId) throws SQLException {
        transition(batchId, "state = 'PURGED', purged_at = ?", List.of(BatchState.ACKNOWLEDGED), "purged",
                clock.instant().toString());
    }

    public synchronized Optional<BatchRecord> batch(String batchId) throws SQLException {
        List<BatchRecord> found = query("WHERE batch_id = ?", batchId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public synchronized Optional<BatchRecord> byQuarter(Quarter q) throws SQLException {
        List<BatchRecord> found = query("WHERE quarter = ?", q.id());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public synchronized List<BatchRecord> inState(BatchState... states) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (BatchState s : states) {
            in.append(in.length() == 0 ? "'" : ",'").append(s.name()).append('\'');
        }
        return query("WHERE state IN (" + in + ") ORDER BY sequence");
    }

    /** All batches, newest first. */
    public synchronized List<BatchRecord> recent(int limit) throws SQLException {
        return query("ORDER BY sequence DESC LIMIT " + Math.max(0, limit));
    }

    /** ACKNOWLEDGED batches acknowledged before {@code before}. */
    public synchronized List<BatchRecord> acknowledgedBefore(Instant before) throws SQLException {
        return query("WHERE state = 'ACKNOWLEDGED' AND acknowledged_at < ? ORDER BY sequence", before.toString());
    }

    /** The latest quarter handled: sealed (or being sealed) into a batch, or found empty. */
    public synchronized @Nullable Quarter lastQuarter() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT quarter FROM (SELECT quarter, "
                + "quarter_start FROM batch UNION ALL SELECT quarter, quarter_start FROM empty_quarter) ORDER BY quarter_start DESC LIMIT 1")) {
            return rs.next() ? QuarterScheme.parseAny(rs.getString(1)) : null;
        }
    }

    /** The highest outbox seq sealed into a batch (0 before the first). */
    public synchronized long cursor() throws SQLException {
        return single("SELECT outbox_seq FROM cursor WHERE id = 1");
    }

    /** Appends to the run log (no identifiers or answers: ids, counts and errors only). */
    public synchronized void log(String kind, String message) throws SQLException {
        inTransaction(() -> {
            logInTx(kind, message);
            return null;
        });
    }

    /** The newest run log lines, newest first. */
    public synchronized List<String> runLog(int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT at, kind, message FROM run_log ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return lines;
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }

    private void transition(String batchId, String set, List<BatchState> from, String logMessage, Object... values)
            throws SQLException {
        inTransaction(() -> {
            transitionInTx(batchId, set, from, logMessage, values);
            return null;
        });
        onChange.run();
    }

    private void transitionInTx(String batchId, String set, List<BatchState> from, String logMessage, Object... values)
            throws SQLException {
        {
            StringBuilder in = new StringBuilder();
            for (BatchState s : from) {
                in.append(in.length() == 0 ? "'" : ",'").append(s.name()).append('\'');
            }
            Object[] all = new Object[values.length + 1];
            System.arraycopy(values, 0, all, 0, values.length);
            all[values.length] = batchId;
            int n = update("UPDATE batch SET " + set + " WHERE batch_id = ? AND state IN (" + in + ")", all);
            if (n != 1) {
                Optional<BatchRecord> b = batch(batchId);
                throw new IllegalStateException("batch " + batchId + " is " + b.map(r -> r.state().name()).orElse("unknown")
                        + ", not one of " + from);
            }
            logInTx("batch", batchId + " " + logMessage);
        }
    }

    private <T> T inTransaction(Sql.Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private void logInTx(String kind, String message) throws SQLException {
        update("INSERT INTO run_log (at, kind, message) VALUES (?, ?, ?)", clock.instant().toString(), kind, message);
    }

    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            Sql.bind(ps, values);
            return ps.executeUpdate();
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private List<BatchRecord> query(String where, Object... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT * FROM batch " + where)) {
            Sql.bind(ps, values);
            List<BatchRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(Sql.batch(rs, QuarterScheme.parseAny(rs.getString("quarter"))));
                }
            }
            return rows;
        }
    }
}
