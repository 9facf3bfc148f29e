package org.openrom.web.internal.chart;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.ResponseStore;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.PatientPage;
import org.openrom.web.internal.page.Templates;
import org.openrom.web.internal.page.WebSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /openrom/patients/{pid}/progress[?measure=ID]}: the clinician's charts of one young person, with
 * detail: every measure's headline scale, goals and the multi-informant view; with {@code measure}, every scale of
 * that measure and its family's multi-informant view. The clinicians' dispatcher has checked the session and the
 * caseload; the view is audited as {@code progress.viewed patient/<id>/progress/<measure|all>} before anything is
 * read. An unknown measure or another method gets "Not found".
 */
@Component(service = PatientPage.class, property = PatientPage.NAME + "=progress")
public final class ProgressPatientPage implements PatientPage {
    private final ResponseStore store;
    private final ScoringService scoring;
    private final ProgressReader reader;
    private final ProgressCharts charts;
    private final Pages pages;

    @Activate
    public ProgressPatientPage(@Reference ResponseStore store, @Reference ScoringService scoring,
            @Reference QuestionnaireResponses fhir) {
        this(store, scoring, fhir, new Pages(new Templates()), ZoneId.systemDefault());
    }

    ProgressPatientPage(ResponseStore store, ScoringService scoring, QuestionnaireResponses fhir, Pages pages,
            ZoneId zone) {
        this.store = store;
        this.scoring = scoring;
        this.reader = new ProgressReader(store, scoring, fhir, zone);
        this.charts = new ProgressCharts(scoring);
        this.pages = pages;
    }

    @Override
    public void serve(HttpServletRequest req, HttpServletResponse resp, WebSession session, Patient patient,
            String rest) throws IOException {
        Layout layout = Layout.of("Progress: " + patient.displayName(), session);
        String measure = req.getParameter("measure");
        if (measure != null && measure.isEmpty()) {
            measure = null;
        }
        String wanted = measure;
        if (!"GET".equals(req.getMethod()) || !rest.isEmpty()
                || wanted != null && scoring.measures().stream().noneMatch(m -> m.id().equals(wanted))) {
            pages.notFound(resp, layout);
            return;
        }
        store.audit(session.clinician().id(), "progress.viewed",
                "patient/" + patient.id() + "/progress/" + (measure == null ? "all" : measure));
        List<MeasureHistory> histories = new ArrayList<>();
        List<ProgressPage.MeasureLink> links = new ArrayList<>();
        for (String id : reader.measures(patient)) {
            histories.add(reader.history(patient, id));
            links.add(new ProgressPage.MeasureLink(id, title(id), id.equals(measure)));
        }
        pages.render(resp, 200, "chart/progress.jte", new ProgressPage(layout, patient.id(), patient.displayName(),
                measure, links, charts.clinician(histories, measure)));
    }

    private String title(String id) {
        return scoring.measures().stream().filter(m -> m.id().equals(id)).map(MeasureInfo::title).findFirst()
                .orElse(id);
    }
}
