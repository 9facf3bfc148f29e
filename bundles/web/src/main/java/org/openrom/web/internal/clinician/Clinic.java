package org.openrom.web.internal.clinician;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.ResponseStore;
import org.openrom.web.internal.Access;
import org.openrom.web.internal.ApiException;
import org.openrom.web.internal.ResponseIntake;
import org.openrom.web.internal.page.Pages;

/** What the clinicians' pages share: the host, the store, scoring, the intake, access checks and the page writer. */
final class Clinic {
    final Host host;
    final QuestionnaireResponses fhir;
    final ResponseStore store;
    final ScoringService scoring;
    final ResponseIntake intake;
    final Access access;
    final Pages pages;
    final MeasureSchedule schedule;
    final Questionnaires questionnaires = new Questionnaires();
    final RiskAcknowledgements acks;
    final Feedback feedback;
    final Clock clock;
    final ZoneId zone;

    Clinic(Host host, QuestionnaireResponses fhir, ResponseStore store, ScoringService scoring, ResponseIntake intake,
            Pages pages, MeasureSchedule schedule, Clock clock) {
        this.host = host;
        this.fhir = fhir;
        this.store = store;
        this.scoring = scoring;
        this.intake = intake;
        this.access = new Access(host, store);
        this.pages = pages;
        this.schedule = schedule;
        this.acks = new RiskAcknowledgements(store);
        this.clock = clock;
        this.zone = clock.getZone();
        this.feedback = new Feedback(zone);
    }

    /** The young person when on the clinician's caseload; empty otherwise (the caller answers 404). */
    Optional<Patient> patient(Clinician who, String patientId) {
        try {
            return Optional.of(access.patientOnCaseload(who, patientId));
        } catch (ApiException refused) {
            return Optional.empty();
        }
    }

    /** The young person's episode with this id; empty when it is not theirs. */
    Optional<Episode> episode(Patient patient, String episodeId) {
        return host.episodes(patient.id()).stream().filter(e -> e.id().equals(episodeId)).findFirst();
    }

    /** The catalogue entry of a measure; empty when unknown. */
    Optional<MeasureInfo> measure(String measureId) {
        return scoring.measures().stream().filter(m -> m.id().equals(measureId)).findFirst();
    }

    /** Item text of a licensed measure from the content pack ({@code en}); empty for free measures or no pack. */
    Map<String, String> texts(MeasureInfo m) {
        return m.licensedText() ? scoring.itemTexts(m.id(), "en") : Map.of();
    }

    /** Keeps the agent's copy of the young person and their episodes current (contract of ResponseStore 1.2.0). */
    List<Episode> recordCase(Patient patient) {
        List<Episode> episodes = host.episodes(patient.id());
        store.recordCase(patient, episodes);
        return episodes;
    }
}
