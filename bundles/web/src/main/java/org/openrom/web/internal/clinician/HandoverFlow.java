package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.store.StoredResponse;
import org.openrom.web.internal.ResponseIntake;
import org.openrom.web.internal.chart.Figure;
import org.openrom.web.internal.chart.MeasureHistory;
import org.openrom.web.internal.chart.ProgressCharts;
import org.openrom.web.internal.chart.ProgressReader;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.WebSession;
import org.openrom.web.internal.page.WebSessions;

/**
 * Hand-over mode: the clinician's session ends and a hand-over session starts, bound to one young person's one
 * questionnaire; after sending it the young person sees a thank-you and their own progress, and nothing else.
 */
final class HandoverFlow {
    private final Clinic clinic;
    private final WebSessions sessions;

    HandoverFlow(Clinic clinic, WebSessions sessions) {
        this.clinic = clinic;
        this.sessions = sessions;
    }

    /** {@code POST /patients/{pid}/handover} with {@code measure} and {@code episode}. */
    void start(WebSession s, Patient patient, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String measure = ClinicianServlet.param(req, "measure");
        String episode = ClinicianServlet.param(req, "episode");
        if (clinic.episode(patient, episode).isEmpty() || clinic.measure(measure).isEmpty()) {
            clinic.pages.notFound(resp, Layout.of("Not found", s));
            return;
        }
        clinic.store.audit(s.clinician().id(), "handover.started", "patient/" + patient.id() + "/measure/" + measure);
        sessions.startHandover(s, new WebSession.Handover(patient.id(), episode, measure), resp);
        Pages.redirect(resp, "/patients/" + patient.id() + "/episodes/" + episode + "/measures/" + measure);
    }

    /** {@code GET /handover/done}: thank-you and the young person's own scores in plain words. */
    void done(WebSession h, HttpServletResponse resp) throws IOException {
        WebSession.Handover bound = h.handover();
        Optional<Patient> patient = clinic.patient(h.clinician(), bound.patientId());
        if (patient.isEmpty()) {
            clinic.pages.notFound(resp, Layout.of("Not found", h));
            return;
        }
        clinic.store.audit(h.clinician().id(), "progress.viewed", "patient/" + bound.patientId() + "/handover-done");
        List<HandoverDonePage.Row> rows = new ArrayList<>();
        for (StoredResponse r : clinic.store.responses(bound.patientId(), null)) {
            MeasureInfo m = clinic.measure(r.measureId()).orElse(null);
            if (m == null || m.headlineScale() == null) {
                continue;
            }
            JsonNode scale = ResponseIntake.tree(r.scoresJson()).path("scales").path(m.headlineScale());
            boolean has = scale.path("value").isNumber();
            String band = scale.path("bands").isEmpty() ? "" : scale.path("bands").get(0).path("label").asText();
            rows.add(new HandoverDonePage.Row(m.title(), Words.date(r.authored(), clinic.zone),
                    has ? Words.number(scale.get("value")) : "not scored",
                    has ? (band.isEmpty() ? "" : "In the \u201c" + band.replace('-', ' ') + "\u201d range.")
                            : "Not enough answers to work out a score."));
        }
        clinic.pages.render(resp, 200, "clinician/handover-done.jte", new HandoverDonePage(Layout.of("Thank you", h),
                patient.get().givenName(), charts(patient.get()), List.copyOf(rows)));
    }

    /** The young person's own charts (plain words, from the chart package); the table stands in when none. */
    private List<gg.jte.Content> charts(Patient patient) {
        ProgressReader reader = new ProgressReader(clinic.store, clinic.scoring, clinic.fhir, clinic.zone);
        List<MeasureHistory> histories = new ArrayList<>();
        for (String measure : reader.measures(patient)) {
            histories.add(reader.history(patient, measure));
        }
        return new ProgressCharts(clinic.scoring).youngPerson(histories).stream().map(Figure::content).toList();
    }
}
