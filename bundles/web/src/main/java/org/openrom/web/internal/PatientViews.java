package org.openrom.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.StoredResponse;

/**
 * What a clinician may look at: their caseload, and one young person's responses to a measure. Every view is
 * audited, durably, before anything is shown (one row per young person). Thread-safe.
 */
public final class PatientViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Host host;
    private final ScoringService scoring;
    private final ResponseStore store;
    private final Access access;
    private final Clock clock;

    public PatientViews(Host host, ScoringService scoring, ResponseStore store, Clock clock) {
        this.host = host;
        this.scoring = scoring;
        this.store = store;
        this.access = new Access(host, store);
        this.clock = clock;
    }

    /** {@code GET /api/patients}. */
    public ObjectNode caseload(Clinician who) {
        Access.requireClinician(who);
        List<Patient> patients = host.caseload(who.id());
        for (Patient p : patients) {
            store.audit(who.id(), "patient.listed", "patient/" + p.id());
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("clinician").put("id", who.id()).put("displayName", who.displayName());
        ArrayNode list = body.putArray("patients");
        LocalDate today = LocalDate.now(clock);
        for (Patient p : patients) {
            ObjectNode o = list.addObject()
                    .put("id", p.id())
                    .put("displayName", p.displayName())
                    .put("age", p.ageOn(today))
                    .put("gender", p.gender().name().toLowerCase(Locale.ROOT));
            Episode open = host.episodes(p.id()).stream().filter(Episode::isOpen).reduce((a, b) -> b).orElse(null);
            if (open == null) {
                o.putNull("openEpisode");
            } else {
                o.putObject("openEpisode")
                        .put("id", open.id())
                        .put("service", open.service())
                        .put("referralDate", open.referralDate().toString());
            }
        }
        return body;
    }

    /** {@code GET /api/patients/{id}/progress?measure=ID}: oldest first, with the stored scores. */
    ObjectNode progress(Clinician who, String patientId, String measure) {
        Access.requireClinician(who);
        if (scoring.measures().stream().map(MeasureInfo::id).noneMatch(measure::equals)) {
            throw new ApiException(400, ErrorCode.BAD_PARAMETER,
                    "unknown measure '" + Access.shorten(measure) + "' (see openrom measures)");
        }
        Patient patient = access.patientOnCaseload(who, patientId);
        store.audit(who.id(), "progress.viewed", "patient/" + patient.id() + "/progress/" + measure);
        ObjectNode body = JSON.createObjectNode().put("patientId", patient.id()).put("measure", measure);
        ArrayNode list = body.putArray("responses");
        for (StoredResponse r : store.responses(patient.id(), measure)) {
            ObjectNode o = list.addObject()
                    .put("responseId", r.responseId())
                    .put("authored", r.authored().toString())
                    .put("episodeId", r.episodeId());
            o.set("scores", ResponseIntake.tree(r.scoresJson()));
        }
        return body;
    }
}
