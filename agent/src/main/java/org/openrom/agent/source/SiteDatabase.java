package org.openrom.agent.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * A read-only view of the site database inside one read transaction, so every query sees the same snapshot.
 * Not thread-safe: one run, one thread. Close it when done.
 */
public final class SiteDatabase implements AutoCloseable {

    /** PRAGMA application_id of an OpenROM database ('OROM'). */
    static final int APPLICATION_ID = 0x4F524F4D;
    /** The schema version that has the patient and episode tables. */
    static final int MIN_VERSION = 2;

    private static final DateTimeFormatter STORED_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    // Driven by the index response_by_patient (patient_id, authored), so rows arrive grouped by patient with no
    // sort at all (no temp B-tree: memory stays flat in SQLite too); each response's outbox row is found by its
    // unique response_id. CROSS JOIN fixes that join order. A first version sorted keys in a subquery and SQLite
    // flattened it, dropping the order: the order is therefore also checked while reading (Payloads).
    // Cost: every response in the file is visited once through the index, also those sent in earlier quarters.
    private static final String ROWS = "SELECT o.seq, r.response_id, r.patient_id, r.episode_id, r.measure_id,"
            + " r.authored, r.fhir_json, r.scores_json FROM response r INDEXED BY response_by_patient"
            + " CROSS JOIN outbox o ON o.response_id = r.response_id WHERE o.seq > ?1 AND o.created_at < ?2"
            + " ORDER BY r.patient_id, r.authored";

    private static final String CHANGED_ONLY = "SELECT p.patient_id FROM patient p WHERE"
            + " ((p.updated_at >= ?3 AND p.updated_at < ?2) OR EXISTS (SELECT 1 FROM episode e"
            + " WHERE e.patient_id = p.patient_id AND e.updated_at >= ?3 AND e.updated_at < ?2))"
            + " AND NOT EXISTS (SELECT 1 FROM response r JOIN outbox o ON o.response_id = r.response_id"
            + " WHERE r.patient_id = p.patient_id AND o.seq > ?1 AND o.created_at < ?2) ORDER BY p.patient_id";

    private final Path file;
    private final Connection connection;
    private final PreparedStatement patientQuery;
    private final PreparedStatement episodeQuery;

    private SiteDatabase(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.patientQuery = connection.prepareStatement("SELECT nhs_number, given_name, family_name, birth_date,"
                + " gender, postcode, ethnicity FROM patient WHERE patient_id = ?");
        this.episodeQuery = connection.prepareStatement("SELECT episode_id, service, referral_date, closed_date"
                + " FROM episode WHERE patient_id = ? ORDER BY referral_date, episode_id");
    }

    /**
     * Opens the file read-only and starts a read transaction.
     *
     * @throws SQLException when the file is missing, not an OpenROM database, or older than schema version 2
     */
    public static SiteDatabase open(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("site database " + file + " does not exist");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try {
            int app = intPragma(c, "application_id");
            int version = intPragma(c, "user_version");
            if (app != APPLICATION_ID) {
                throw new SQLException(file + " is not an OpenROM database (application_id " + app + ")");
            }
            if (version < MIN_VERSION) {
                throw new SQLException(file + " has schema version " + version + "; the agent needs "
                        + MIN_VERSION + " or newer (start the site runtime once to upgrade it)");
            }
            c.setAutoCommit(false);
            return new SiteDatabase(file, c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The stored-time text of an instant, as the store writes it (so text order is time order). */
    public static String storedTime(Instant t) {
        return STORED_TIME.format(t);
    }

    /** Receives rows in order: by patient id, then authored, then seq. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResponseRow row) throws Exception;
    }

    /**
     * Streams outbox rows with {@code seq > afterSeq} created before {@code end}, grouped by patient.
     *
     * @return the number of rows
     */
    public long rows(long afterSeq, Instant end, RowHandler handler) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(ROWS)) {
            ps.setFetchSize(256);
            ps.setLong(1, afterSeq);
            ps.setString(2, storedTime(end));
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(new ResponseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), StoredTime.parse(rs.getString(6)), rs.getBytes(7), rs.getBytes(8)));
                    n++;
                }
            }
            return n;
        }
    }

    /** Patients changed (or whose episodes changed) in [start, end) who have no row in the selection. */
    public void changedWithoutRows(long afterSeq, Instant start, Instant end, IdHandler handler) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(CHANGED_ONLY)) {
            ps.setLong(1, afterSeq);
            ps.setString(2, storedTime(end));
            ps.setString(3, storedTime(start));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.id(rs.getString(1));
                }
            }
        }
    }

    /** Receives ids. */
    @FunctionalInterface
    public interface IdHandler {
        void id(String id) throws Exception;
    }

    /** The patient row, or empty when the host never recorded this young person. */
    public Optional<PatientRow> patient(String patientId) throws SQLException {
        patientQuery.setString(1, patientId);
        try (ResultSet rs = patientQuery.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PatientRow(patientId, rs.getString(1), rs.getString(2), rs.getString(3),
                    LocalDate.parse(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)));
        }
    }

    /** The patient's episodes, oldest referral first. */
    public List<EpisodeRow> episodes(String patientId) throws SQLException {
        episodeQuery.setString(1, patientId);
        List<EpisodeRow> out = new ArrayList<>(2);
        try (ResultSet rs = episodeQuery.executeQuery()) {
            while (rs.next()) {
                out.add(new EpisodeRow(rs.getString(1), patientId, rs.getString(2), LocalDate.parse(rs.getString(3)),
                        date(rs.getString(4))));
            }
        }
        return out;
    }

    /** Every patient row (for the identifier scan). */
    public void allPatients(PatientHandler handler) throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT patient_id, nhs_number, given_name, family_name, birth_date,"
                        + " gender, postcode, ethnicity FROM patient")) {
            while (rs.next()) {
                handler.patient(new PatientRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        LocalDate.parse(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
    }

    /** Receives patient rows. */
    @FunctionalInterface
    public interface PatientHandler {
        void patient(PatientRow row) throws Exception;
    }

    /** Every local id the site holds: patient ids (also those only in responses) and episode ids. */
    public void allLocalIds(IdHandler patients, IdHandler episodes) throws Exception {
        query(LOCAL_PATIENT_IDS, patients);
        query(LOCAL_EPISODE_IDS, episodes);
    }

    /** Read from the index response_by_patient. */
    public static final String LOCAL_PATIENT_IDS = "SELECT patient_id FROM patient UNION SELECT patient_id FROM response";
    /** Read from the index response_by_episode (store schema 4); on an older schema, a scan of every response. */
    public static final String LOCAL_EPISODE_IDS =
            "SELECT episode_id FROM episode UNION SELECT episode_id FROM response WHERE episode_id IS NOT NULL";

    /** Every distinct service name (words the payload may legitimately contain). */
    public void services(IdHandler handler) throws Exception {
        query("SELECT DISTINCT service FROM episode", handler);
    }

    /** Runs an aggregate query with the given parameters and returns the first column of the first row. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Receives a row's columns as text. */
    @FunctionalInterface
    public interface TextRowHandler {
        void row(String[] columns) throws Exception;
    }

    /**
     * Runs a query with the given parameters and hands each row's columns as text.
     *
     * @return the number of rows
     */
    public long forEach(String sql, TextRowHandler handler, Object... parameters) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    handler.row(row);
                    n++;
                }
            }
            return n;
        }
    }

    private void query(String sql, IdHandler handler) throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                handler.id(rs.getString(1));
            }
        }
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static int intPragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            patientQuery.close();
            episodeQuery.close();
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
