package org.openrom.web.internal.youngperson;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.StoredResponse;
import org.openrom.fhir.FhirResponses;
import org.openrom.scoring.Scoring;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.openrom.web.internal.page.TestClock;
import org.openrom.web.internal.page.WebSessions;
import org.osgi.util.converter.Converters;

/** A real SQLite store, the real scoring engine and the real fhir bundle (HAPI), with two young people. */
final class YoungPersonSite implements AutoCloseable {
    static final Clinician SAM = new Clinician("clinician", "Dr Sam Demo", Clinician.Role.CLINICIAN);
    static final Patient P1 = new Patient("p1", "9990000018", "Amara", "Khan", LocalDate.of(2011, 3, 1),
            Patient.Gender.FEMALE, "LS6 1AA", "A");
    static final Patient P2 = new Patient("p2", null, "Ben", "Jones", LocalDate.of(2012, 5, 1),
            Patient.Gender.MALE, null, null);
    static final ScoringService SCORING = Scoring.open(null);
    static final QuestionnaireResponses FHIR = FhirResponses.open();

    final Path dir;
    final CloseableResponseStore store;
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    final Host host = new Host() {
        @Override
        public Optional<Clinician> authenticate(String username, char[] password) {
            return Optional.empty();
        }

        @Override
        public List<Patient> caseload(String clinicianId) {
            return clinicianId.equals(SAM.id()) ? List.of(P1, P2) : List.of();
        }

        @Override
        public Optional<Patient> patient(String patientId) {
            return Optional.ofNullable(patientId.equals("p1") ? P1 : patientId.equals("p2") ? P2 : null);
        }

        @Override
        public List<Episode> episodes(String patientId) {
            return List.of();
        }
    };
    final AccessTokens tokens;
    final Pages pages = new Pages(new Templates());
    final WebSessions sessions;
    final YoungPersonProgress progress;

    YoungPersonSite(Path dir) throws Exception {
        this.dir = dir;
        this.store = SqliteStores.open(dir.resolve("openrom.db"));
        this.tokens = new AccessTokens(AccessTokensTest.config("kioskCodeMinutes", 10), clock,
                new java.security.SecureRandom());
        this.sessions = new WebSessions(Converters.standardConverter().convert(Map.of())
                .to(WebSessions.Config.class), clock);
        this.progress = new YoungPersonProgress(store, SCORING, FHIR, ZoneOffset.UTC);
    }

    /** Stores a response as the JSON API would: the raw resource (scores are derived again when shown). */
    void save(String json) {
        CapturedResponse r = FHIR.parse(json);
        OffsetDateTime authored = r.authored();
        store.save(new StoredResponse(r.id(), r.subject().substring("Patient/".length()), null, r.measureId(),
                authored.toInstant(), json, "{}"), SAM.id());
    }

    YoungPersonServlet.OwnProgress own() {
        return new YoungPersonServlet.OwnProgress(progress, host, pages);
    }

    List<String> audit() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("openrom.db"));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT actor || ' ' || action || ' ' || object FROM audit ORDER BY seq")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
