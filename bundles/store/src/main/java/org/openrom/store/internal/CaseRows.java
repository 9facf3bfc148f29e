package org.openrom.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;

/**
 * The {@code patient} and {@code episode} tables (V002): upserts that write a row only when one of its values
 * differs, so {@code updated_at} is the time of the last change, not of the last look.
 */
final class CaseRows {

    // "IS NOT" compares NULLs as values: a postcode going from known to unknown is a change.
    private static final String UPSERT_PATIENT = "INSERT INTO patient (patient_id, nhs_number, given_name,"
            + " family_name, birth_date, gender, postcode, ethnicity, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (patient_id) DO UPDATE SET nhs_number = excluded.nhs_number,"
            + " given_name = excluded.given_name, family_name = excluded.family_name,"
            + " birth_date = excluded.birth_date, gender = excluded.gender, postcode = excluded.postcode,"
            + " ethnicity = excluded.ethnicity, updated_at = excluded.updated_at"
            + " WHERE patient.nhs_number IS NOT excluded.nhs_number OR patient.given_name IS NOT excluded.given_name"
            + " OR patient.family_name IS NOT excluded.family_name OR patient.birth_date IS NOT excluded.birth_date"
            + " OR patient.gender IS NOT excluded.gender OR patient.postcode IS NOT excluded.postcode"
            + " OR patient.ethnicity IS NOT excluded.ethnicity";

    private static final String UPSERT_EPISODE = "INSERT INTO episode (episode_id, patient_id, service,"
            + " referral_date, closed_date, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (episode_id) DO UPDATE SET patient_id = excluded.patient_id, service = excluded.service,"
            + " referral_date = excluded.referral_date, closed_date = excluded.closed_date,"
            + " updated_at = excluded.updated_at"
            + " WHERE episode.patient_id IS NOT excluded.patient_id OR episode.service IS NOT excluded.service"
            + " OR episode.referral_date IS NOT excluded.referral_date"
            + " OR episode.closed_date IS NOT excluded.closed_date";

    private CaseRows() {}

    /**
     * @throws IllegalArgumentException naming the episode when it belongs to another young person, or the date
     *     when one is outside years 1-9999 (the stored text would not be fixed width)
     */
    static void validate(Patient patient, List<Episode> episodes) {
        requireYear(patient.birthDate(), "birth date of patient " + patient.id());
        for (Episode e : episodes) {
            if (!e.patientId().equals(patient.id())) {
                throw new IllegalArgumentException("episode " + e.id() + " belongs to patient " + e.patientId()
                        + ", not to " + patient.id());
            }
            requireYear(e.referralDate(), "referral date of episode " + e.id());
            if (e.closedDate() != null) {
                requireYear(e.closedDate(), "closed date of episode " + e.id());
            }
        }
    }

    private static void requireYear(LocalDate d, String what) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new IllegalArgumentException(what + " is outside years 1-9999: " + d);
        }
    }

    /**
     * Writes what changed, after {@link #validate}. Must run inside the caller's write transaction.
     *
     * @return how many rows were inserted or changed
     */
    static int upsert(StatementCache sql, Patient p, List<Episode> episodes, Instant now) throws SQLException {
        String updatedAt = Timestamps.format(now, "updated_at");
        int changed;
        {
            PreparedStatement ps = sql.prepare(UPSERT_PATIENT);
            ps.setString(1, p.id());
            ps.setString(2, p.nhsNumber());
            ps.setString(3, p.givenName());
            ps.setString(4, p.familyName());
            ps.setString(5, date(p.birthDate()));
            ps.setString(6, p.gender().name().toLowerCase(Locale.ROOT));
            ps.setString(7, p.postcode());
            ps.setString(8, p.ethnicity());
            ps.setString(9, updatedAt);
            changed = ps.executeUpdate();
        }
        {
            PreparedStatement ps = sql.prepare(UPSERT_EPISODE);
            for (Episode e : episodes) {
                ps.setString(1, e.id());
                ps.setString(2, e.patientId());
                ps.setString(3, e.service());
                ps.setString(4, date(e.referralDate()));
                ps.setString(5, date(e.closedDate()));
                ps.setString(6, updatedAt);
                changed += ps.executeUpdate();
            }
        }
        return changed;
    }

    private static @Nullable String date(@Nullable LocalDate d) {
        return d == null ? null : d.toString();
    }
}
