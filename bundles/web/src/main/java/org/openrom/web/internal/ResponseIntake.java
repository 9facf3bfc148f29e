package org.openrom.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.SaveOutcome;
import org.openrom.api.store.StoredResponse;
import org.openrom.scoring.ScoreJson;

/**
 * One submitted QuestionnaireResponse, from JSON text (already within the body limits) to a durable row: parse
 * and check (fhir bundle), access (caseload), score, change since the first and the previous response of the
 * measure, and one store transaction (response, scores, outbox, audit). "Stored" is answered only after the
 * commit. A repeat of a stored id with the same content answers the stored result again; other content under a
 * stored id is a conflict. Thread-safe.
 */
public final class ResponseIntake {
    private static final Pattern SUBJECT = Pattern.compile("Patient/([^/]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a submission did; {@code stored} false for a repeat of a stored id. */
    public record Result(boolean stored, ObjectNode body) {}

    private final QuestionnaireResponses fhir;
    private final ResponseStore store;
    private final Host host;
    private final Access access;
    private final Rescorer rescorer;

    public ResponseIntake(QuestionnaireResponses fhir, Rescorer rescorer, ResponseStore store, Host host) {
        this.fhir = fhir;
        this.rescorer = rescorer;
        this.store = store;
        this.host = host;
        this.access = new Access(host, store);
    }

    /** @throws ApiException with the status and issues to answer when the response is refused */
    public Result submit(Clinician who, String json) {
        Access.requireClinician(who);
        CapturedResponse r = parse(json);
        String id = r.id();
        if (id == null || id.isBlank()) {
            throw new ApiException(400, ErrorCode.NO_ID, "the response has no id: give each response a unique id"
                    + " (e.g. a UUID) so that sending it again cannot store it twice");
        }
        Patient patient = access.patientOnCaseload(who, subjectId(r.subject()));
        OffsetDateTime authored = r.authored();
        if (authored == null) {
            throw new ApiException(400, ErrorCode.NO_AUTHORED, "the response has no authored time");
        }
        if (!"completed".equals(r.status())) {
            throw new ApiException(422, ErrorCode.NOT_COMPLETED,
                    "only completed responses are scored and stored; status is " + r.status());
        }
        List<Issue> problems = fhir.check(r).stream().filter(i -> i.severity() == Issue.Severity.ERROR).toList();
        if (!problems.isEmpty()) {
            throw new ApiException(422, problems);
        }
        ScoreSet scores = rescorer.score(r, patient);
        var existing = store.find(id);
        if (existing.isPresent()) {
            return repeat(who, existing.get(), patient, json, scores);
        }
        // The agent (no Host) pseudonymises from these rows: keep them current before the response is saved.
        store.recordCase(patient, host.episodes(patient.id()));
        String episode = episodeOn(patient.id(), authored.toLocalDate());
        StoredResponse row = new StoredResponse(id, patient.id(), episode, r.measureId(), authored.toInstant(), json,
                ScoreJson.toJson(scores));
        if (store.save(row, who.id()) == SaveOutcome.ALREADY_STORED) {
            return repeat(who, store.find(id).orElseThrow(), patient, json, scores);
        }
        rescorer.stored(id, patient, scores);
        return new Result(true, body(row, scores, patient));
    }

    /**
     * What {@link #submit} answered for a stored response, scored again from its raw answers (the feedback shown
     * again), for a young person on the clinician's caseload.
     *
     * @throws ApiException 403 when the young person is not on the caseload, 422 when it cannot be scored
     */
    public ObjectNode stored(Clinician who, StoredResponse row) {
        Patient patient = access.patientOnCaseload(who, row.patientId());
        ScoreSet scores = rescorer.score(parse(row.fhirJson()), patient);
        return body(row, scores, patient);
    }

    private CapturedResponse parse(String json) {
        try {
            return fhir.parse(json);
        } catch (InvalidResponseException e) {
            throw new ApiException(400, e.issues());
        }
    }

    private static String subjectId(@Nullable String subject) {
        Matcher m = subject == null ? null : SUBJECT.matcher(subject);
        if (m == null || !m.matches()) {
            throw new ApiException(400, ErrorCode.NO_SUBJECT, "the response's subject must be a reference"
                    + " Patient/<id> to a young person on your caseload; found "
                    + (subject == null ? "none" : "'" + Access.shorten(subject) + "'"));
        }
        return m.group(1);
    }

    private Result repeat(Clinician who, StoredResponse stored, Patient patient, String json, ScoreSet scores) {
        if (!stored.patientId().equals(patient.id()) || !sameResource(stored.fhirJson(), json)) {
            throw new ApiException(409, ErrorCode.ID_CONFLICT, "response id " + stored.responseId()
                    + " is already stored with other content; the stored response is kept (use a new id)");
        }
        store.audit(who.id(), "response.resubmitted", "response/" + stored.responseId());
        return new Result(false, body(stored, scores, patient));
    }

    private static boolean sameResource(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private @Nullable String episodeOn(String patientId, LocalDate day) {
        String found = null;
        for (Episode e : host.episodes(patientId)) {
            boolean started = !e.referralDate().isAfter(day);
            boolean notClosed = e.closedDate() == null || !e.closedDate().isBefore(day);
            if (started && notClosed) {
                found = e.id();
            }
        }
        return found;
    }

    private ObjectNode body(StoredResponse row, ScoreSet scores, Patient patient) {
        ObjectNode body = JSON.createObjectNode();
        body.put("responseId", row.responseId());
        body.put("patientId", row.patientId());
        body.put("measure", row.measureId());
        body.put("authored", row.authored().toString());
        body.put("episodeId", row.episodeId());
        JsonNode scoreNode = tree(row.scoresJson());
        body.set("scores", scoreNode);
        List<StoredResponse> earlier = store.responses(row.patientId(), row.measureId()).stream()
                .filter(e -> !e.responseId().equals(row.responseId()) && e.authored().isBefore(row.authored()))
                .toList();
        body.set("changeSinceFirst", earlier.isEmpty() ? null : rescorer.change(earlier.get(0), scores, patient));
        body.set("changeSincePrevious",
                earlier.isEmpty() ? null : rescorer.change(earlier.get(earlier.size() - 1), scores, patient));
        body.set("alerts", scoreNode.path("alerts").deepCopy());
        return body;
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
