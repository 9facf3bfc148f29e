package org.openrom.web.internal;

import java.util.regex.Pattern;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Patient;
import org.openrom.api.host.Host;
import org.openrom.api.store.ResponseStore;

/**
 * Who may see which young person: a clinician sees their own caseload and nothing else; a site admin sees no
 * clinical content. Deny by default, checked per object on every request. A refusal is audited. Thread-safe.
 */
public final class Access {
    /** FHIR's id type; the only patient ids the API accepts, so they are safe in paths and audit rows. */
    public static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");

    private final Host host;
    private final ResponseStore store;

    public Access(Host host, ResponseStore store) {
        this.host = host;
        this.store = store;
    }

    /** @throws ApiException 403 when the user is not a clinician */
    static void requireClinician(Clinician who) {
        if (who.role() != Clinician.Role.CLINICIAN) {
            throw new ApiException(403, ErrorCode.NOT_A_CLINICIAN,
                    "user " + who.id() + " is a " + who.role() + " and sees no clinical content");
        }
    }

    /**
     * The young person, when they are on this clinician's caseload. A patient who is not, known to the host or
     * not, gets the same 403: the answer must not tell a clinician which ids exist elsewhere.
     *
     * @throws ApiException 400 for an id that is not a FHIR id, 403 when the patient is not on the caseload
     */
    public Patient patientOnCaseload(Clinician who, String patientId) {
        requireClinician(who);
        if (!FHIR_ID.matcher(patientId).matches()) {
            throw new ApiException(400, ErrorCode.BAD_PARAMETER,
                    "patient id must be 1 to 64 letters, digits, '-' or '.': '" + shorten(patientId) + "'");
        }
        for (Patient p : host.caseload(who.id())) {
            if (p.id().equals(patientId)) {
                return p;
            }
        }
        store.audit(who.id(), "access.denied", "patient/" + patientId);
        throw new ApiException(403, ErrorCode.NOT_ON_CASELOAD,
                "Patient/" + patientId + " is not on the caseload of " + who.id());
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
