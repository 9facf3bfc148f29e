package org.openrom.central.intake.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The collator's tables (V001__collator.sql): sites, batches, records and batch events. Every method is one
 * transaction. {@link #storeBatch} writes a batch's records and its row together: all or nothing.
 */
public final class CollatorStore implements AutoCloseable {
    /** A registered site. */
    public record Site(String id, String status, String certSha256, String certSerial, String notAfter, String registered,
            @Nullable String revoked) {
        public boolean active() {
            return status.equals("ACTIVE");
        }
    }

    /** A stored batch: what a replay is compared with and answered from. */
    public record StoredBatch(String site, String batchId, long sequence, String bodySha256, byte[] receipt) {}

    /** A batch event: a sequence gap or regression, or other bytes under a stored batch id. */
    public record Event(String site, String batchId, String kind, String detail, String at) {}

    /** Writes the records of one batch inside its transaction. */
    public interface RecordSink {
        void put(String resourceType, String resourceId, @Nullable String patient, String body) throws SQLException;
    }

    /** Produces a batch's records into the sink, then the batch row (with its receipt) to store with them. */
    public interface BatchWriter {
        Batch write(RecordSink sink, long previousMaxSequence) throws SQLException, IntakeException, IOException;
    }

    /** The batch row. */
    public record Batch(String site, String batchId, long sequence, String quarter, String bodySha256, String payloadSha256,
            long bodyBytes, long records, Instant received, byte[] receipt) {}

    private final Database db;
    private final boolean uniqueConstraints;

    /** Opens (and migrates) the store at a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}). */
    public static CollatorStore open(String jdbcUrl) throws SQLException {
        return new CollatorStore(new Database(jdbcUrl), true);
    }

    /**
     * @param uniqueConstraints false only for the control run of a de-duplication test: drops the unique indexes
     *     and inserts records without upsert, so that duplicates become visible
     */
    CollatorStore(Database db, boolean uniqueConstraints) throws SQLException {
        this.db = db;
        this.uniqueConstraints = uniqueConstraints;
        if (!uniqueConstraints) {
            tx(c -> {
                Database.exec(c, "DROP INDEX IF EXISTS batch_site_batch");
                Database.exec(c, "DROP INDEX IF EXISTS record_key");
                return null;
            });
        }
    }

    public Optional<StoredBatch> batch(String site, String batchId) throws SQLException {
        return tx(c -> findBatch(c, site, batchId));
    }

    static Optional<StoredBatch> findBatch(Connection c, String site, String batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT sequence, body_sha256, receipt FROM batch WHERE site_id = ? AND batch_id = ?")) {
            s.setString(1, site);
            s.setString(2, batchId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredBatch(site, batchId, rs.getLong(1), rs.getString(2),
                                Base64.getDecoder().decode(rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /**
     * Stores a batch in one transaction, unless a batch with its id is already stored.
     *
     * @param checkFirst false only for the control run: skips the look-up inside the transaction
     * @return the batch already stored under this id (nothing written), or empty when {@code writer}'s batch was stored
     */
    public Optional<StoredBatch> storeBatch(String site, String batchId, long sequence, boolean checkFirst, BatchWriter writer)
            throws SQLException, IntakeException, IOException {
        try {
            return db.transaction(c -> {
                if (checkFirst) {
                    Optional<StoredBatch> existing = findBatch(c, site, batchId);
                    if (existing.isPresent()) {
                        return existing;
                    }
                }
                long max = maxSequence(c, site);
                Batch b;
                try (PreparedStatement put = c.prepareStatement(uniqueConstraints ? UPSERT : INSERT)) {
                    int[] pending = {0};
                    b = writer.write((type, id, patient, body) -> {
                        put.setString(1, site);
                        put.setString(2, type);
                        put.setString(3, id);
                        put.setString(4, patient);
                        put.setString(5, batchId);
                        put.setLong(6, sequence);
                        put.setString(7, body);
                        put.addBatch();
                        if (++pending[0] == 500) {
                            put.executeBatch();
                            pending[0] = 0;
                        }
                    }, max);
                    put.executeBatch();
                }
                insertBatch(c, b);
                sequenceEvents(c, b, max);
                return Optional.<StoredBatch>empty();
            });
        } catch (SQLException e) {
            if (uniqueConstraints && isUniqueViolation(e)) {
                // Another request stored this batch id between our look-up and our insert: answer from it.
                Optional<StoredBatch> existing = batch(site, batchId);
                if (existing.isPresent()) {
                    return existing;
                }
            }
            throw e;
        }
    }

    // A correction in a later batch replaces the stored version; an older batch arriving late does not.
    private static final String UPSERT = "INSERT INTO record (site_id, resource_type, resource_id, patient, batch_id, sequence, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, resource_type, resource_id) DO UPDATE SET"
            + " patient = excluded.patient, batch_id = excluded.batch_id, sequence = excluded.sequence, body = excluded.body"
            + " WHERE excluded.sequence >= record.sequence";
    private static final String INSERT = "INSERT INTO record (site_id, resource_type, resource_id, patient, batch_id, sequence, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static void insertBatch(Connection c, Batch b) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO batch (site_id, batch_id, sequence, quarter, body_sha256,"
                + " payload_sha256, body_bytes, records, received, receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, b.site());
            s.setString(2, b.batchId());
            s.setLong(3, b.sequence());
            s.setString(4, b.quarter());
            s.setString(5, b.bodySha256());
            s.setString(6, b.payloadSha256());
            s.setLong(7, b.bodyBytes());
            s.setLong(8, b.records());
            s.setString(9, b.received().toString());
            s.setString(10, Base64.getEncoder().encodeToString(b.receipt()));
            s.executeUpdate();
        }
    }

    private static void sequenceEvents(Connection c, Batch b, long max) throws SQLException {
        if (b.sequence() > max + 1) {
            event(c, b.site(), b.batchId(), "SEQUENCE_GAP", "expected sequence " + (max + 1) + ", got " + b.sequence()
                    + " (batches " + (max + 1) + "–" + (b.sequence() - 1) + " not received yet)", b.received());
        } else if (b.sequence() <= max) {
            event(c, b.site(), b.batchId(), "SEQUENCE_REGRESSION", "sequence " + b.sequence()
                    + " arrived after " + max + " under a new batch id", b.received());
        }
    }

    static long maxSequence(Connection c, String site) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT max(sequence) FROM batch WHERE site_id = ?")) {
            s.setString(1, site);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public void event(String site, String batchId, String kind, String detail, Instant at) throws SQLException {
        tx(c -> {
            event(c, site, batchId, kind, detail, at);
            return null;
        });
    }

    private static void event(Connection c, String site, String batchId, String kind, String detail, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO batch_event (site_id, batch_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, site);
            s.setString(2, batchId);
            s.setString(3, kind);
            s.setString(4, detail.length() > 400 ? detail.substring(0, 400) : detail);
            s.setString(5, at.toString());
            s.executeUpdate();
        }
    }

    public List<Event> events() throws SQLException {
        return tx(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT site_id, batch_id, kind, detail, at FROM batch_event ORDER BY at, site_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** Counts rows: {@code batch} or {@code record}, for one site and batch id (tests, status). */
    public long count(String table, String site, String batchId) throws SQLException {
        if (!table.equals("batch") && !table.equals("record")) {
            throw new IllegalArgumentException("no such table: " + table);
        }
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM " + table + " WHERE site_id = ? AND batch_id = ?")) {
                s.setString(1, site);
                s.setString(2, batchId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public SiteRegistry sites() {
        return new SiteRegistry(this);
    }

    <T> T tx(Database.Work<T> work) throws SQLException {
        try {
            return db.transaction(work);
        } catch (IntakeException | IOException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        // SQLite: SQLITE_CONSTRAINT_UNIQUE (extended code 2067); PostgreSQL: SQLSTATE 23505.
        return e.getErrorCode() == 2067 || e.getErrorCode() == 19 || "23505".equals(e.getSQLState())
                || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed");
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
