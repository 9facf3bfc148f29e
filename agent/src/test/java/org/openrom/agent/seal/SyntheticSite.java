package org.openrom.agent.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;
import org.openrom.api.store.StoredResponse;
import org.openrom.profiles.Profiles;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * Synthetic young people, episodes and responses for a real site database made by the store's own migrations.
 * Responses are built from the shipped Questionnaires (every choice item answered with one of its options, free
 * text items filled with text that names the young person), with plumbing the allow-list must drop (narrative,
 * author, a nickname extension, subject display). Scores follow the stored score-set JSON form with random values
 * and the rules' band labels. Deterministic for a seed.
 */
public final class SyntheticSite {

    public static final List<String> MIX = List.of("phq9", "gad7", "sdq-p", "rcads25-c", "ors", "gbo");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "zen", "tor", "bel", "ny", "dra", "vo", "sha",
            "qui", "fen", "lu", "mar", "oth", "pel", "rik", "sa", "wyn"};

    private final Random random;
    private final Map<String, JsonNode> questionnaires = new HashMap<>();
    private final Map<String, JsonNode> rules = new HashMap<>();

    public SyntheticSite(long seed) {
        this.random = new Random(seed);
        try {
            for (String m : Profiles.measureIds()) {
                questionnaires.put(m, JSON.readTree(Profiles.questionnaire(m).orElseThrow()));
                rules.put(m, JSON.readTree(Profiles.rules(m).orElse("{}")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new site database at {@code file}, schema by the store's migrations. */
    public static CloseableResponseStore create(Path file) throws Exception {
        return SqliteStores.open(file);
    }

    /** A valid (mod 11) NHS number for index {@code i}. */
    public static String nhsNumber(long i) {
        for (long n = 400_000_000L + i * 7; ; n++) {
            String nine = Long.toString(n);
            int sum = 0;
            for (int k = 0; k < 9; k++) {
                sum += (nine.charAt(k) - '0') * (10 - k);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    public String name(int syllables) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    public Patient patient(String id, int index) {
        String postcode = "LS" + (1 + random.nextInt(9)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26));
        Patient.Gender[] g = Patient.Gender.values();
        return new Patient(id, nhsNumber(index), name(3), name(3) + "son", LocalDate.of(2008 + random.nextInt(10),
                1 + random.nextInt(12), 1 + random.nextInt(28)), g[random.nextInt(2)], postcode,
                String.valueOf("ABCDEFGHJKLMNPRSZ".charAt(random.nextInt(17))));
    }

    /** A QuestionnaireResponse as the site stores it, with identifying plumbing the allow-list must drop. */
    public String response(String responseId, Patient p, String measure, Instant authored) {
        ObjectNode qr = JSON.createObjectNode();
        qr.put("resourceType", "QuestionnaireResponse");
        qr.put("id", responseId);
        qr.putObject("text").put("status", "generated").put("div", "<div>" + p.displayName() + " " + p.nhsNumber() + "</div>");
        qr.putArray("extension").addObject().put("url", "http://example.org/nickname").put("valueString", p.givenName());
        JsonNode q = questionnaires.get(measure);
        qr.put("questionnaire", q.path("url").asText() + "|" + q.path("version").asText());
        qr.put("status", "completed");
        qr.putObject("subject").put("reference", "Patient/" + p.id()).put("display", p.displayName());
        qr.putObject("author").put("reference", "Practitioner/dr-" + p.familyName().toLowerCase());
        qr.put("authored", authored.toString());
        answer(qr.putArray("item"), q.path("item"), p);
        return qr.toString();
    }

    private void answer(ArrayNode out, JsonNode items, Patient p) {
        for (JsonNode item : items) {
            String type = item.path("type").asText();
            if (type.equals("display")) {
                continue;
            }
            ObjectNode o = out.addObject().put("linkId", item.path("linkId").asText());
            o.put("text", item.path("text").asText());
            switch (type) {
                case "group" -> answer(o.putArray("item"), item.path("item"), p);
                case "choice" -> {
                    JsonNode options = item.path("answerOption");
                    JsonNode c = options.get(random.nextInt(options.size())).path("valueCoding");
                    o.putArray("answer").addObject().set("valueCoding", c.deepCopy());
                }
                case "integer" -> o.putArray("answer").addObject().put("valueInteger", random.nextInt(11));
                case "decimal" -> o.putArray("answer").addObject().put("valueDecimal", random.nextInt(100) / 10.0);
                default -> o.putArray("answer").addObject().put("valueString",
                        "I want to talk to " + p.givenName() + " " + p.familyName() + " at LS1 4AB");
            }
        }
    }

    /** A score set in the stored form: every scale of the rules with a random value and the rules' bands. */
    public String scores(String measure, int age) {
        JsonNode r = rules.get(measure);
        ObjectNode s = JSON.createObjectNode().put("measure", measure).put("rulesVersion", "1.0.0").put("age", age)
                .put("sex", "female");
        ObjectNode scales = s.putObject("scales");
        for (String part : List.of("scales", "derived")) {
            for (JsonNode sc : r.path(part)) {
                String id = sc.path("id").asText();
                int max = sc.path("range").path(1).asInt(20);
                ObjectNode o = scales.putObject(id);
                if (random.nextInt(20) == 0) {
                    o.putNull("value");
                    o.putObject("missing").put("reason", "TOO_FEW_ANSWERS").put("detail", "3 of 9 answered");
                    continue;
                }
                int v = random.nextInt(max + 1);
                o.put("value", v).put("prorated", false);
                ArrayNode bands = o.putArray("bands");
                for (JsonNode t : r.path("bands")) {
                    if (!t.path("scale").asText().equals(id)) {
                        continue;
                    }
                    for (JsonNode b : t.path("bands")) {
                        if ((b.path("min").isNull() || v >= b.path("min").asInt()) && (b.path("max").isNull() || v <= b.path("max").asInt())) {
                            bands.addObject().put("scheme", t.path("scheme").asText()).put("label", b.path("label").asText())
                                    .put("source", "V");
                            break;
                        }
                    }
                }
            }
        }
        s.putObject("items");
        s.putArray("alerts").addObject().put("kind", "RISK").put("code", "x").put("message", "talk to the young person");
        return s.toString();
    }

    /** Saves {@code n} patients with one episode each and responses through the store API (small tests). */
    public void populate(CloseableResponseStore store, int patients, int responsesEach, Instant firstAuthored) {
        for (int i = 0; i < patients; i++) {
            Patient p = patient("pat-" + i, i);
            LocalDate referral = firstAuthored.atZone(ZoneOffset.UTC).toLocalDate().minusDays(10 + i);
            store.recordCase(p, List.of(new Episode("epi-" + i, p.id(), "Leeds CAMHS", referral, null)));
            for (int k = 0; k < responsesEach; k++) {
                String m = MIX.get((i + k) % MIX.size());
                Instant at = firstAuthored.plusSeconds(86_400L * k + i);
                String id = "resp-" + i + "-" + k;
                store.save(new StoredResponse(id, p.id(), "epi-" + i, m, at, response(id, p, m, at), scores(m, 14)));
            }
        }
    }

    /**
     * Bulk insert for large tests and the benchmark: the schema comes from the store's migrations; rows go in with
     * plain JDBC in transactions of 5,000 (the store's one-transaction-per-save path would take hours for 1M).
     * Every patient gets {@code perPatient} responses.
     */
    public void bulk(Path file, int responses, int perPatient, Instant created) throws Exception {
        create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (PreparedStatement pp = c.prepareStatement("INSERT INTO patient VALUES (?,?,?,?,?,?,?,?,?)");
                    PreparedStatement pe = c.prepareStatement("INSERT INTO episode VALUES (?,?,?,?,?,?)");
                    PreparedStatement pr = c.prepareStatement("INSERT INTO response VALUES (?,?,?,?,?,?,?,?)");
                    PreparedStatement po = c.prepareStatement("INSERT INTO outbox (response_id, created_at) VALUES (?,?)")) {
                String now = STORED.format(created);
                Patient p = null;
                for (int i = 0; i < responses; i++) {
                    int pi = i / perPatient;
                    if (i % perPatient == 0) {
                        p = patient("pat-" + pi, pi);
                        insertCase(pp, pe, p, created, now);
                    }
                    String m = MIX.get(i % MIX.size());
                    Instant at = created.minusSeconds(86_400L * (perPatient - i % perPatient));
                    String id = "resp-" + i;
                    pr.setString(1, id);
                    pr.setString(2, p.id());
                    pr.setString(3, "epi-" + p.id());
                    pr.setString(4, m);
                    pr.setString(5, STORED.format(at));
                    pr.setString(6, response(id, p, m, at));
                    pr.setString(7, scores(m, 14));
                    pr.setString(8, now);
                    pr.addBatch();
                    po.setString(1, id);
                    po.setString(2, now);
                    po.addBatch();
                    if (i % 5000 == 4999) {
                        flush(c, pp, pe, pr, po);
                    }
                }
                flush(c, pp, pe, pr, po);
            }
        }
    }

    private void insertCase(PreparedStatement pp, PreparedStatement pe, Patient p, Instant created, String now)
            throws SQLException {
        pp.setString(1, p.id());
        pp.setString(2, p.nhsNumber());
        pp.setString(3, p.givenName());
        pp.setString(4, p.familyName());
        pp.setString(5, p.birthDate().toString());
        pp.setString(6, p.gender().name().toLowerCase());
        pp.setString(7, p.postcode());
        pp.setString(8, p.ethnicity());
        pp.setString(9, now);
        pp.addBatch();
        pe.setString(1, "epi-" + p.id());
        pe.setString(2, p.id());
        pe.setString(3, "Leeds CAMHS");
        pe.setString(4, created.atZone(ZoneOffset.UTC).toLocalDate().minusDays(200).toString());
        pe.setString(5, null);
        pe.setString(6, now);
        pe.addBatch();
    }

    private static void flush(Connection c, PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
        c.commit();
    }
}
