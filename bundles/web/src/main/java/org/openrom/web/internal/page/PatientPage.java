package org.openrom.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openrom.api.host.Patient;

/**
 * A page at {@code /openrom/patients/{pid}/{name}} served by another package of this bundle (e.g. {@code progress},
 * {@code links}). Register an implementation as a DS service with the property {@link #NAME} = the path segment.
 * Before {@link #serve} is called, the clinicians' dispatcher has found a live clinician session (a hand-over session
 * never gets here), refused a POST without the session's CSRF token (403), checked that the young person is on the
 * clinician's caseload (404 otherwise, the same as for an unknown id) and recorded the case in the store. Audit the
 * view itself ({@code store.audit}). Implementations must be thread-safe.
 */
public interface PatientPage {
    /** The service property naming the path segment after the patient id, e.g. {@code progress}. */
    String NAME = "openrom.patient.page";

    /**
     * Serves one request (GET, or POST with a checked CSRF token).
     *
     * @param session the clinician's session ({@link WebSession#csrf()} for forms, {@link Layout#of} for the layout)
     * @param patient the young person, on the clinician's caseload
     * @param rest the path after {@code /patients/{pid}/{name}}, e.g. {@code ""} or {@code "/phq9"}
     */
    void serve(HttpServletRequest req, HttpServletResponse resp, WebSession session, Patient patient, String rest)
            throws IOException;
}
