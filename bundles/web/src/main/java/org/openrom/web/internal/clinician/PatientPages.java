package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.store.StoredResponse;
import org.openrom.web.internal.ResponseIntake;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.WebSession;

/** The caseload and one young person's page. Every view is audited before it is shown. */
final class PatientPages {
    /** Acknowledged risk banners stay on the young person's page this long, showing who and when. */
    static final Duration ACKNOWLEDGED_SHOWN = Duration.ofDays(14);

    private final Clinic clinic;

    PatientPages(Clinic clinic) {
        this.clinic = clinic;
    }

    void caseload(WebSession s, HttpServletResponse resp) throws IOException {
        JsonNode body = new org.openrom.web.internal.PatientViews(clinic.host, clinic.scoring, clinic.store,
                clinic.clock).caseload(s.clinician());
        List<CaseloadPage.Row> rows = new ArrayList<>();
        for (JsonNode p : body.path("patients")) {
            JsonNode open = p.path("openEpisode");
            rows.add(new CaseloadPage.Row(p.path("id").asText(), p.path("displayName").asText(), p.path("age").asInt(),
                    open.isObject() ? open.path("service").asText() : "No open episode",
                    open.isObject() ? open.path("referralDate").asText() : ""));
        }
        clinic.pages.render(resp, 200, "clinician/caseload.jte", new CaseloadPage(Layout.of("Caseload", s), rows));
    }

    void youngPerson(WebSession s, Patient patient, @Nullable String kindKey, HttpServletResponse resp)
            throws IOException {
        List<Episode> episodes = clinic.recordCase(patient);
        clinic.store.audit(s.clinician().id(), "patient.viewed", "patient/" + patient.id());
        List<StoredResponse> responses = clinic.store.responses(patient.id(), null);
        LocalDate today = LocalDate.now(clinic.clock);
        List<YoungPersonPage.EpisodeRow> rows = new ArrayList<>();
        Episode open = null;
        for (Episode e : episodes) {
            rows.add(new YoungPersonPage.EpisodeRow(e.id(), e.service(), e.referralDate().toString(),
                    e.closedDate() == null ? "open" : e.closedDate().toString()));
            if (e.isOpen()) {
                open = e;
            }
        }
        YoungPersonPage page = new YoungPersonPage(Layout.of(patient.displayName(), s), patient.id(),
                patient.displayName(), patient.ageOn(today), risks(s, patient, responses), List.copyOf(rows),
                open == null ? null : openEpisode(patient, open, responses, kindKey, today), latest(responses), s.csrf());
        clinic.pages.render(resp, 200, "clinician/patient.jte", page);
    }

    private YoungPersonPage.OpenEpisode openEpisode(Patient patient, Episode open, List<StoredResponse> responses,
            @Nullable String kindKey, LocalDate today) {
        boolean started = responses.stream().anyMatch(r -> open.id().equals(r.episodeId()));
        SessionKind kind = MeasureSchedule.defaultKind(kindKey, started);
        List<YoungPersonPage.Kind> kinds = new ArrayList<>();
        for (SessionKind k : SessionKind.values()) {
            kinds.add(new YoungPersonPage.Kind(k.key(), k.label(), k == kind));
        }
        List<String> due = clinic.schedule.due(open.service(), kind, patient.ageOn(today));
        List<YoungPersonPage.Measure> dueRows = new ArrayList<>();
        List<YoungPersonPage.Measure> others = new ArrayList<>();
        for (MeasureInfo m : clinic.scoring.measures()) {
            String last = responses.stream().filter(r -> r.measureId().equals(m.id()) && open.id().equals(r.episodeId()))
                    .reduce((a, b) -> b).map(r -> Words.date(r.authored(), clinic.zone)).orElse("not yet");
            YoungPersonPage.Measure row = new YoungPersonPage.Measure(m.id(), m.title(), "/patients/" + patient.id()
                    + "/episodes/" + open.id() + "/measures/" + m.id(), last, m.licensedText() && !m.textAvailable());
            (due.contains(m.id()) ? dueRows : others).add(row);
        }
        dueRows.sort((a, b) -> Integer.compare(due.indexOf(a.id()), due.indexOf(b.id())));
        return new YoungPersonPage.OpenEpisode(open.id(), open.service(), List.copyOf(kinds), List.copyOf(dueRows),
                List.copyOf(others));
    }

    /** Risk banners: every response with a risk alert not yet acknowledged, and those acknowledged lately. */
    List<RiskBanner> risks(WebSession s, Patient patient, List<StoredResponse> responses) {
        List<RiskBanner> banners = new ArrayList<>();
        Instant shownSince = clinic.clock.instant().minus(ACKNOWLEDGED_SHOWN);
        for (StoredResponse r : responses) {
            JsonNode alerts = ResponseIntake.tree(r.scoresJson()).path("alerts");
            if (alerts.isEmpty()) {
                continue;
            }
            RiskAcknowledgements.Ack ack = clinic.acks.find(r.responseId()).orElse(null);
            if (ack != null && ack.at().isBefore(shownSince)) {
                continue;
            }
            MeasureInfo m = clinic.measure(r.measureId()).orElse(null);
            Questionnaire q = clinic.questionnaires.find(r.measureId()).orElse(null);
            if (m == null || q == null) {
                continue;
            }
            RiskBanner b = clinic.feedback.banner(q, clinic.texts(m), m.licensedText(), r.responseId(), r.authored(),
                    alerts, ack, s.csrf(), "/patients/" + patient.id());
            if (b != null) {
                banners.add(b);
            }
        }
        return List.copyOf(banners);
    }

    private List<YoungPersonPage.Latest> latest(List<StoredResponse> responses) {
        Map<String, StoredResponse> last = new LinkedHashMap<>();
        for (StoredResponse r : responses) {
            last.put(r.measureId(), r);
        }
        List<YoungPersonPage.Latest> rows = new ArrayList<>();
        for (StoredResponse r : last.values()) {
            MeasureInfo m = clinic.measure(r.measureId()).orElse(null);
            JsonNode scales = ResponseIntake.tree(r.scoresJson()).path("scales");
            String scale = m != null && m.headlineScale() != null ? m.headlineScale()
                    : scales.fieldNames().hasNext() ? scales.fieldNames().next() : "";
            JsonNode sc = scales.path(scale);
            String value = sc.path("value").isNumber() ? Words.number(sc.get("value"))
                    : "missing: " + sc.path("missing").path("detail").asText("not scored");
            String band = sc.path("bands").isEmpty() ? "" : sc.path("bands").get(0).path("label").asText()
                    + " (" + sc.path("bands").get(0).path("scheme").asText() + ")";
            rows.add(new YoungPersonPage.Latest(m == null ? r.measureId() : m.title(), Words.date(r.authored(), clinic.zone),
                    scale.isEmpty() ? "" : Words.scale(scale), value, band));
        }
        return List.copyOf(rows);
    }
}
