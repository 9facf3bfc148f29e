package org.openrom.web.internal.clinician;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoringService;
import org.openrom.fhir.FhirResponses;
import org.openrom.scoring.Scoring;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;
import org.openrom.web.internal.Rescorer;
import org.openrom.web.internal.ResponseIntake;
import org.openrom.web.internal.page.Exchange;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.openrom.web.internal.page.TestClock;
import org.openrom.web.internal.page.WebSessions;
import org.osgi.util.converter.Converters;

/**
 * The clinicians' pages on real parts: the fhir bundle (HAPI on the class path), the scoring engine, a SQLite file,
 * two clinicians each with one young person. Requests go straight to the servlet with a session cookie.
 */
final class ClinicSite implements AutoCloseable {
    static final Clinician SAM = new Clinician("clinician", "Dr Sam Demo", Clinician.Role.CLINICIAN);
    static final Clinician ALEX = new Clinician("clinician2", "Alex Demo", Clinician.Role.CLINICIAN);
    /** 17 on the test day: PHQ-9 and GAD-7 are due every session. */
    static final Patient P1 = new Patient("p1", "9990000018", "Amara", "Khan", LocalDate.of(2008, 9, 1),
            Patient.Gender.FEMALE, "LS6 1AA", "A");
    static final Patient P2 = new Patient("p2", null, "Ben", "Jones", LocalDate.of(2012, 5, 1), Patient.Gender.MALE, null, null);
    static final String FORM = "/patients/p1/episodes/p1-e1/measures/";

    static final QuestionnaireResponses FHIR = FhirResponses.open();
    static final ScoringService SCORING = Scoring.open(null);

    final Path db;
    final CloseableResponseStore store;
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
    final WebSessions sessions = new WebSessions(Converters.standardConverter().convert(Map.of())
            .to(WebSessions.Config.class), clock);
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
        public Optional<Patient> patient(String id) {
            return Optional.ofNullable(id.equals("p1") ? P1 : id.equals("p2") ? P2 : null);
        }

        @Override
        public List<Episode> episodes(String patientId) {
            return List.of(new Episode(patientId + "-e1", patientId, "Getting Help", LocalDate.of(2026, 1, 5), null));
        }
    };
    final ClinicianServlet servlet;

    ClinicSite(Path dir) throws Exception {
        db = dir.resolve("openrom.db");
        store = SqliteStores.open(db);
        MeasureSchedule schedule = new MeasureSchedule(Converters.standardConverter().convert(Map.of())
                .to(MeasureSchedule.Config.class));
        Clinic clinic = new Clinic(host, FHIR, store, SCORING, new ResponseIntake(FHIR, new Rescorer(FHIR, SCORING), store, host),
                new Pages(new Templates()), schedule, clock.withZone(ZoneOffset.UTC));
        servlet = new ClinicianServlet(sessions, clinic);
    }

    /** A clinician signed in: the session cookie value. */
    String signIn(Clinician who) {
        Exchange x = Exchange.of("POST", "/signin", null, Map.of(), Map.of());
        sessions.startClinician(who, x.req, x.resp);
        return x.cookie(WebSessions.COOKIE);
    }

    Exchange get(String cookie, String path) throws Exception {
        return send("GET", cookie, path, Map.of());
    }

    Exchange send(String method, String cookie, String path, Map<String, String> form) throws Exception {
        String servletPath = path.equals("/caseload") ? path : path.substring(0, path.indexOf('/', 1));
        String info = path.equals("/caseload") ? null : path.substring(servletPath.length());
        Exchange x = Exchange.of(method, servletPath, info, form, cookie == null ? Map.of() : Map.of(WebSessions.COOKIE, cookie));
        servlet.service(x.req, x.resp);
        return x;
    }

    /** The form's hidden fields (csrf, responseId) from a GET of the form, plus answers. */
    Map<String, String> formFields(String cookie, String measure, Map<String, String> answers) throws Exception {
        Exchange form = get(cookie, FORM + measure);
        if (form.status() != 200) {
            throw new AssertionError("form " + measure + " answered " + form.status());
        }
        Map<String, String> fields = new LinkedHashMap<>(answers);
        fields.put("csrf", form.csrfField());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"responseId\" value=\"([^\"]+)\"").matcher(form.body());
        if (!m.find()) {
            throw new AssertionError("no responseId in the form");
        }
        fields.put("responseId", m.group(1));
        return fields;
    }

    static Map<String, String> answers(int... positions) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < positions.length; i++) {
            a.put("q" + (i + 1), Integer.toString(positions[i]));
        }
        return a;
    }

    List<String> sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(query)) {
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
