package org.openrom.agent.seal.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.internal.MeasureCatalogue.Measure;
import org.openrom.agent.seal.internal.ResourceWriter.When;
import org.openrom.agent.source.EpisodeRow;
import org.openrom.agent.source.PatientRow;
import org.openrom.agent.source.ResponseRow;

/**
 * Turns one young person's part of the selection into resources: their Patient and EpisodeOfCare resources, then per
 * row an Encounter (one per episode and local day), the QuestionnaireResponse and its Observations. A young person
 * whose record changed in the quarter but who has no rows gets the Patient and EpisodeOfCare resources only. Reads
 * nothing itself ({@link Payloads} reads the database), so several builders can run at once, each on its own block of
 * young people with its own writer and {@link Pseudonyms}.
 */
final class PayloadBuilder {

    /** A young person's record and rows, as read from the site database. */
    record PatientGroup(String patientId, Optional<PatientRow> patient, List<EpisodeRow> episodes, List<ResponseRow> rows) {}

    private final Pseudonyms ids;
    private final MeasureCatalogue catalogue;
    private final ResourceWriter writer;
    private final ZoneId zone;

    private String pseudonym = "";
    private final Map<String, EpisodeState> episodes = new HashMap<>();
    /** This young person's encounters written so far: (episode, local day) to pseudonymous id. */
    private final Map<String, String> encounters = new HashMap<>();
    private long rows;
    private long firstSeq = Long.MAX_VALUE;
    private long lastSeq;
    private long withoutRecord;
    private long dropped;

    private record EpisodeState(EpisodeRow row, String id) {}

    PayloadBuilder(Pseudonyms ids, MeasureCatalogue catalogue, ResourceWriter writer, ZoneId zone) {
        this.ids = ids;
        this.catalogue = catalogue;
        this.writer = writer;
        this.zone = zone;
    }

    /** Writes a young person's resources. */
    void patient(PatientGroup group) throws Exception {
        start(group);
        for (ResponseRow r : group.rows()) {
            row(r);
        }
    }

    long rows() {
        return rows;
    }

    long firstSeq() {
        return firstSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    long withoutRecord() {
        return withoutRecord;
    }

    long droppedAnswers() {
        return dropped;
    }

    private void row(ResponseRow r) throws Exception {
        Measure m = catalogue.measure(r.measureId());
        if (m == null) {
            throw new SealException(SealError.BAD_ROW, "outbox seq " + r.seq() + " is a response to measure '"
                    + r.measureId() + "', which this agent's fhir-profiles do not know; update the agent");
        }
        StoredJson.Response qr = StoredJson.response(r.fhirJson(), r.seq(), catalogue.knownStrings());
        List<StoredJson.Scale> scores = StoredJson.scales(r.scoresJson(), r.seq(), catalogue.knownStrings());
        EpisodeState episode = r.episodeId() == null ? null : episodes.get(r.episodeId());
        LocalDate day = r.authored().atZone(zone).toLocalDate();
        When when = episode == null
                ? new When(null, Generalise.month(day))
                : new When(Generalise.daysSince(episode.row().referralDate(), day), null);
        String encounterKey = (episode == null ? "" : episode.row().episodeId()) + "\u0000" + day;
        String encounter = encounters.get(encounterKey);
        if (encounter == null) {
            encounter = ids.resource("Encounter", r.patientId() + "\u0000" + encounterKey);
            encounters.put(encounterKey, encounter);
            writer.encounter(encounter, pseudonym, episode == null ? null : episode.id(), when);
        }
        String response = ids.resource("QuestionnaireResponse", r.responseId());
        dropped += writer.response(response, m, pseudonym, encounter, when, qr);
        writer.observations(ids, r.responseId(), m, pseudonym, encounter, response, when, scores);
        rows++;
        firstSeq = Math.min(firstSeq, r.seq());
        lastSeq = Math.max(lastSeq, r.seq());
    }

    private void start(PatientGroup group) throws Exception {
        episodes.clear();
        encounters.clear();
        Optional<PatientRow> row = group.patient();
        List<EpisodeRow> list = group.episodes();
        String nhs = row.map(PatientRow::nhsNumber).map(Pseudonyms::normalisedNhsNumber).orElse(null);
        pseudonym = ids.patient(nhs != null ? nhs : group.patientId());
        if (row.isEmpty()) {
            withoutRecord++;
            writer.patient(pseudonym, false, "unknown", null, null, null);
        } else {
            PatientRow p = row.get();
            Integer age = list.isEmpty() ? null : Generalise.ageOn(p.birthDate(), list.get(0).referralDate());
            writer.patient(pseudonym, nhs != null, Generalise.gender(p.gender()), age,
                    Generalise.outwardCode(p.postcode()), Generalise.ethnicCategory(p.ethnicity()));
        }
        for (EpisodeRow e : list) {
            String eid = ids.resource("EpisodeOfCare", e.episodeId());
            episodes.put(e.episodeId(), new EpisodeState(e, eid));
            Integer age = row.map(p -> Generalise.ageOn(p.birthDate(), e.referralDate())).orElse(null);
            Long length = e.closedDate() == null ? null : Generalise.daysSince(e.referralDate(), e.closedDate());
            writer.episode(eid, pseudonym, e.service(), Generalise.month(e.referralDate()), age, length);
        }
    }
}
