package org.openrom.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrom.api.fhir.Answer;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoringService;
import org.openrom.scoring.Scoring;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * The real scoring engine and a real SQLite store, with a two-clinician host and a small stand-in for the fhir
 * bundle (HAPI is tested in the itest): it reads {@code id}, {@code subject}, {@code authored}, {@code status}
 * and {@code answers} ({@code {"q1": 2, …}}: option positions) and refuses linkIds outside q1..q9.
 */
final class TestSite implements AutoCloseable {
    static final Clinician SAM = new Clinician("clinician", "Dr Sam Demo", Clinician.Role.CLINICIAN);
    static final Clinician ALEX = new Clinician("clinician2", "Alex Demo", Clinician.Role.CLINICIAN);
    static final Clinician ADMIN = new Clinician("admin", "Site Admin", Clinician.Role.SITE_ADMIN);
    static final Patient P1 = new Patient("p1", "9990000018", "Amara", "Khan", LocalDate.of(2011, 3, 1),
            Patient.Gender.FEMALE, "LS6 1AA", "A");
    static final Patient P2 = new Patient("p2", null, "Ben", "Jones", LocalDate.of(2012, 5, 1),
            Patient.Gender.MALE, null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final ScoringService SCORING = Scoring.open(null);

    final CloseableResponseStore store;
    final Host host = new Host() {
        @Override
        public Optional<Clinician> authenticate(String username, char[] password) {
            return Optional.empty();
        }

        @Override
        public List<Patient> caseload(String clinicianId) {
            return clinicianId.equals(SAM.id()) ? List.of(P1) : clinicianId.equals(ALEX.id()) ? List.of(P2) : List.of();
        }

        @Override
        public Optional<Patient> patient(String patientId) {
            return Optional.ofNullable(patientId.equals("p1") ? P1 : patientId.equals("p2") ? P2 : null);
        }

        @Override
        public List<Episode> episodes(String patientId) {
            return List.of(new Episode(patientId + "-e0", patientId, "Getting Help", LocalDate.of(2024, 1, 1),
                            LocalDate.of(2024, 6, 1)),
                    new Episode(patientId + "-e1", patientId, "Getting More Help", LocalDate.of(2026, 1, 5), null));
        }
    };
    final QuestionnaireResponses fhir = new QuestionnaireResponses() {
        @Override
        public CapturedResponse parse(String json) {
            try {
                JsonNode n = JSON.readTree(json);
                List<Answer> answers = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("answers").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    answers.add(new Answer(e.getKey(), new AnswerValue.IntegerValue(e.getValue().asLong())));
                }
                return new CapturedResponse(n.hasNonNull("id") ? n.get("id").asText() : null, "phq9|1.0.0", "phq9",
                        n.path("status").asText("completed"), n.hasNonNull("subject") ? n.get("subject").asText() : null,
                        n.hasNonNull("authored") ? OffsetDateTime.parse(n.get("authored").asText()) : null, answers, json);
            } catch (java.io.IOException e) {
                throw new InvalidResponseException(List.of(Issue.error("QR-1001", null, "not JSON")));
            }
        }

        @Override
        public List<Issue> check(CapturedResponse response) {
            return response.answers().stream().map(Answer::linkId).filter(l -> !l.matches("q[1-9]"))
                    .map(l -> Issue.error("QR-1201", l, l + ": phq9 has no item " + l)).toList();
        }

        @Override
        public Set<String> questionnaires() {
            return Set.of("phq9|1.0.0");
        }
    };

    TestSite(Path dir) throws Exception {
        store = SqliteStores.open(dir.resolve("openrom.db"));
    }

    ResponseIntake intake() {
        return new ResponseIntake(fhir, new Rescorer(fhir, SCORING), store, host);
    }

    /** A PHQ-9 in the stand-in form; answers are option positions q1..q9. */
    static String phq9(String id, String patient, String authored, int... answers) {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            a.append(i == 0 ? "" : ",").append("\"q").append(i + 1).append("\":").append(answers[i]);
        }
        return "{\"id\":" + (id == null ? "null" : "\"" + id + "\"") + ",\"subject\":\"Patient/" + patient
                + "\",\"authored\":\"" + authored + "\",\"answers\":{" + a + "}}";
    }

    @Override
    public void close() {
        store.close();
    }
}
