package org.openrom.agent.seal.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealProgress;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.seal.internal.MeasureCatalogue.Measure;
import org.openrom.agent.seal.internal.ResourceWriter.When;
import org.openrom.agent.source.EpisodeRow;
import org.openrom.agent.source.PatientRow;
import org.openrom.agent.source.ResponseRow;
import org.openrom.agent.source.SiteDatabase;

/**
 * Turns the selected rows into resources, one young person at a time: their Patient and EpisodeOfCare resources
 * when their first row arrives, then per row an Encounter (one per episode and local day), the
 * QuestionnaireResponse and its Observations. Only the current young person's episodes and encounter keys are held,
 * so memory does not grow with the batch. Afterwards, young people whose record changed in the quarter but who
 * have no rows get their Patient and EpisodeOfCare resources (an episode closed, a postcode changed).
 */
public final class PayloadBuilder {

    /** What was built, beside the writer's counts. */
    public record Stats(long rows, long firstSeq, long lastSeq, long patientsWithoutRecord, long droppedAnswers) {}

    private final SiteDatabase db;
    private final Pseudonyms ids;
    private final MeasureCatalogue catalogue;
    private final ResourceWriter writer;
    private final ZoneId zone;
    private final SealProgress progress;
    private final long expectedRows;

    private @Nullable String patientId;
    private String pseudonym = "";
    private final Map<String, EpisodeState> episodes = new HashMap<>();
    private final Set<String> encounters = new HashSet<>();
    private long rows;
    private long firstSeq = Long.MAX_VALUE;
    private long lastSeq;
    private long withoutRecord;
    private long dropped;

    private record EpisodeState(EpisodeRow row, String id) {}

    public PayloadBuilder(SiteDatabase db, Pseudonyms ids, MeasureCatalogue catalogue, ResourceWriter writer,
            ZoneId zone, SealProgress progress, long expectedRows) {
        this.db = db;
        this.ids = ids;
        this.catalogue = catalogue;
        this.writer = writer;
        this.zone = zone;
        this.progress = progress;
        this.expectedRows = expectedRows;
    }

    /** Builds the payload of a selection. */
    public Stats build(Selection s) throws Exception {
        Instant start = s.quarter().start().atStartOfDay(zone).toInstant();
        Instant end = s.quarter().end().plusDays(1).atStartOfDay(zone).toInstant();
        db.rows(s.afterSeq(), end, this::row);
        db.changedWithoutRows(s.afterSeq(), start, end, id -> {
            patientId = id;
            startPatient(id);
        });
        progress.progress("payload", rows, expectedRows);
        return new Stats(rows, rows == 0 ? 0 : firstSeq, lastSeq, withoutRecord, dropped);
    }

    private void row(ResponseRow r) throws Exception {
        if (!r.patientId().equals(patientId)) {
            if (patientId != null && compareUtf8(r.patientId(), patientId) < 0) {
                throw new IllegalStateException("rows are not grouped by patient (seq " + r.seq() + ")");
            }
            patientId = r.patientId();
            startPatient(r.patientId());
        }
        Measure m = catalogue.measure(r.measureId());
        if (m == null) {
            throw new SealException(SealError.BAD_ROW, "outbox seq " + r.seq() + " is a response to measure '"
                    + r.measureId() + "', which this agent's fhir-profiles do not know; update the agent");
        }
        StoredJson.Response qr = StoredJson.response(r.fhirJson(), r.seq());
        List<StoredJson.Scale> scores = StoredJson.scales(r.scoresJson(), r.seq());
        EpisodeState episode = r.episodeId() == null ? null : episodes.get(r.episodeId());
        LocalDate day = r.authored().atZone(zone).toLocalDate();
        When when = episode == null
                ? new When(null, Generalise.month(day))
                : new When(Generalise.daysSince(episode.row().referralDate(), day), null);
        String encounterKey = (episode == null ? "" : episode.row().episodeId()) + "\u0000" + day;
        String encounter = ids.resource("Encounter", r.patientId() + "\u0000" + encounterKey);
        if (encounters.add(encounterKey)) {
            writer.encounter(encounter, pseudonym, episode == null ? null : episode.id(), when);
        }
        String response = ids.resource("QuestionnaireResponse", r.responseId());
        dropped += writer.response(response, m, pseudonym, encounter, when, qr);
        writer.observations(ids, r.responseId(), m, pseudonym, encounter, response, when, scores);
        rows++;
        firstSeq = Math.min(firstSeq, r.seq());
        lastSeq = Math.max(lastSeq, r.seq());
        if ((rows & 0x3FFF) == 0) {
            progress.progress("payload", rows, expectedRows);
        }
    }

    private void startPatient(String id) throws Exception {
        episodes.clear();
        encounters.clear();
        Optional<PatientRow> row = db.patient(id);
        List<EpisodeRow> list = db.episodes(id);
        String nhs = row.map(PatientRow::nhsNumber).map(Pseudonyms::normalisedNhsNumber).orElse(null);
        pseudonym = ids.patient(nhs != null ? nhs : id);
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

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
