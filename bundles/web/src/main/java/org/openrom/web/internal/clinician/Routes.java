package org.openrom.web.internal.clinician;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.store.StoredResponse;
import org.openrom.web.internal.Access;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.PatientPage;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.WebSession;

/** Which path goes where, once the session, the hand-over binding and the CSRF token have been checked. */
final class Routes {
    private final Clinic clinic;
    private final PatientPages patientPages;
    private final FormFlow forms;
    private final HandoverFlow handover;
    private final Map<String, PatientPage> subPages;

    Routes(Clinic clinic, PatientPages patientPages, FormFlow forms, HandoverFlow handover,
            Map<String, PatientPage> subPages) {
        this.clinic = clinic;
        this.patientPages = patientPages;
        this.forms = forms;
        this.handover = handover;
        this.subPages = subPages;
    }

    /** A hand-over session may use its own questionnaire until it is sent, then only {@code GET /handover/done}. */
    static boolean handoverMayUse(WebSession s, String path, boolean post) {
        if (s.submittedResponseId() != null) {
            return !post && path.equals("/handover/done");
        }
        return isHandoverForm(s, path);
    }

    static boolean isHandoverForm(WebSession s, String path) {
        WebSession.Handover h = s.handover();
        return path.equals("/patients/" + h.patientId() + "/episodes/" + h.episodeId() + "/measures/" + h.measureId());
    }

    void route(WebSession s, String path, boolean post, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        String[] parts = path.substring(1).split("/", -1);
        if (path.equals("/caseload") && !post) {
            patientPages.caseload(s, resp);
        } else if (path.equals("/handover/done") && !post && s.isHandover()) {
            handover.done(s, resp);
        } else if (parts[0].equals("patients") && parts.length >= 2) {
            patient(s, parts, post, req, resp);
        } else if (parts[0].equals("responses") && parts.length >= 2) {
            response(s, parts, post, req, resp);
        } else {
            notFound(s, resp);
        }
    }

    private void patient(WebSession s, String[] parts, boolean post, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        Optional<Patient> found = clinic.patient(s.clinician(), parts[1]);
        if (found.isEmpty()) {
            notFound(s, resp);
            return;
        }
        Patient patient = found.get();
        if (parts.length == 2 && !post) {
            patientPages.youngPerson(s, patient, req.getParameter("session"), resp);
        } else if (parts.length == 3 && parts[2].equals("handover") && post && !s.isHandover()) {
            handover.start(s, patient, req, resp);
        } else if (parts.length == 6 && parts[2].equals("episodes") && parts[4].equals("measures")) {
            form(s, patient, parts[3], parts[5], post, req, resp);
        } else if (parts.length >= 3 && subPages.containsKey(parts[2]) && !s.isHandover()) {
            clinic.recordCase(patient);
            String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length));
            subPages.get(parts[2]).serve(req, resp, s, patient, rest.isEmpty() ? "" : "/" + rest);
        } else {
            notFound(s, resp);
        }
    }

    private void form(WebSession s, Patient patient, String episodeId, String measureId, boolean post,
            HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<MeasureInfo> measure = clinic.measure(measureId);
        Optional<Questionnaire> q = measure.isEmpty() ? Optional.empty() : clinic.questionnaires.find(measureId);
        if (clinic.episode(patient, episodeId).isEmpty() || q.isEmpty()) {
            notFound(s, resp);
            return;
        }
        FormFlow.Target target = new FormFlow.Target(patient, episodeId, measure.get(), q.get());
        if (post) {
            forms.submit(s, target, req, resp);
        } else {
            forms.show(s, target, resp);
        }
    }

    private void response(WebSession s, String[] parts, boolean post, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        Optional<StoredResponse> row = Access.FHIR_ID.matcher(parts[1]).matches()
                ? clinic.store.find(parts[1]) : Optional.empty();
        Optional<Patient> patient = row.flatMap(r -> clinic.patient(s.clinician(), r.patientId()));
        if (patient.isEmpty()) {
            notFound(s, resp);
        } else if (parts.length == 2 && !post) {
            forms.showStored(s, row.get(), patient.get(), resp);
        } else if (parts.length == 3 && parts[2].equals("acknowledge") && post) {
            clinic.acks.acknowledge(s.clinician(), row.get().responseId(), Instant.now(clinic.clock));
            String back = ClinicianServlet.param(req, "return");
            boolean safe = back.equals("/patients/" + patient.get().id()) || back.equals("/responses/" + parts[1]);
            Pages.redirect(resp, safe ? back : "/responses/" + parts[1]);
        } else {
            notFound(s, resp);
        }
    }

    private void notFound(WebSession s, HttpServletResponse resp) throws IOException {
        clinic.pages.notFound(resp, Layout.of("Not found", s));
    }
}
