package org.openrom.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.openrom.api.store.SaveOutcome;
import org.openrom.api.store.StoredResponse;

/** The SQL of one save: the response row, its outbox row and its audit row, or nothing for a repeated id. */
final class ResponseRows {

    static final String COLUMNS = "response_id, patient_id, episode_id, measure_id, authored, fhir_json, scores_json";

    private static final String INSERT_RESPONSE = "INSERT INTO response (" + COLUMNS
            + ", stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (response_id) DO NOTHING";

    private ResponseRows() {}

    /** Must run inside the caller's write transaction (a savepoint of the writer's group). */
    static SaveOutcome insert(StatementCache sql, StoredResponse r, String authored, Instant now, String actor)
            throws SQLException {
        String storedAt = Timestamps.format(now, "stored_at");
        {
            PreparedStatement ps = sql.prepare(INSERT_RESPONSE);
            ps.setString(1, r.responseId());
            ps.setString(2, r.patientId());
            ps.setString(3, r.episodeId());
            ps.setString(4, r.measureId());
            ps.setString(5, authored);
            ps.setString(6, r.fhirJson());
            ps.setString(7, r.scoresJson());
            ps.setString(8, storedAt);
            if (ps.executeUpdate() == 0) {
                return SaveOutcome.ALREADY_STORED;
            }
        }
        {
            PreparedStatement ps = sql.prepare("INSERT INTO outbox (response_id, created_at) VALUES (?, ?)");
            ps.setString(1, r.responseId());
            ps.setString(2, storedAt);
            ps.executeUpdate();
        }
        AuditLog.append(sql, now, actor, "response.stored", "response/" + r.responseId());
        return SaveOutcome.STORED;
    }
}
