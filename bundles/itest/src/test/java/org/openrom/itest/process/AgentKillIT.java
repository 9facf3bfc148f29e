package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.itest.process.FaultProxy.Fault;

/**
 * T04/T06 for the agent as sites run it (RELIABILITY.md G2, G3): the built {@code openrom agent submit-now} is SIGKILLed
 * at seeded random moments while it seals and while it uploads to a real {@code openrom collator serve} on loopback
 * (mutual TLS, through a {@link FaultProxy} that holds each answer for a while, so a kill can land after the collator
 * stored the batch and before the agent read the receipt), then run to the end.
 *
 * <p>Oracle: the collator's database holds one batch for the quarter, the agent's, and in it every response row of the
 * site exactly once (as the QuestionnaireResponse id the agent derives from the row's id with K_link); the sealed file
 * had the same SHA-256 after every kill as the body the collator stored; the collator never saw other bytes under that
 * batch id (it compares every PUT of a stored batch id: same bytes 200, other bytes 409 and a CONFLICT event); an
 * interrupted seal was redone under the same batch id; the agent ends ACKNOWLEDGED with the receipt. Control: killed
 * after the collator stored the batch, with the agent's state file deleted before the restart (the safeguard off), the
 * agent sends the same responses again under a second batch id.
 *
 * <p>The site database is made by the real site: {@code openrom site} stores {@value #CAPTURED} responses posted through
 * its API (its store writes the response, outbox, audit, patient and episode rows); those rows are then copied with
 * new response ids in SQL until the site holds about {@code -Dagent.kill.responses} (default 8,000) responses, so that
 * sealing takes seconds. {@code -Dagent.kill.rounds=N} (default 4, at least 2) and {@code -Dagent.kill.seed=S}
 * (printed) lengthen or replay the schedule (kill moments are timing-dependent, so a seed replays the schedule, not
 * the exact phases).
 */
class AgentKillIT {
    private static final long SEED = Long.getLong("agent.kill.seed", System.nanoTime());
    private static final int ROUNDS = Integer.getInteger("agent.kill.rounds", 4);
    private static final int WANTED = Integer.getInteger("agent.kill.responses", 8_000);
    private static final int CAPTURED = 24;
    /** After the quarter the responses fall in (2026-27 Q3, October to December), so that it is due. */
    private static final String AGENT_CLOCK = "-Dopenrom.agent.clock=2027-01-10T03:00:00Z";
    private static final String QUARTER = "2026-27-Q3";
    private static final long HOLD_MILLIS = 3000;
    private static final String SEALING = "sealing", UPLOADING = "uploading, no answer yet",
            STORED = "after the collator stored it, before the receipt was read";
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final String DEMO = "Basic "
            + Base64.getEncoder().encodeToString("clinician:openrom-demo".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path tmp;
    static Path col;
    static Site collator;
    static int collatorPort;
    static Path siteDb;
    static int responses;

    private enum Target { SEAL_EARLY, SEAL, UPLOAD, HELD }

    /** One kill: what it aimed at, how long after the trigger it came, the phase it hit, the agent's last line. */
    private record Round(Target target, long delayMillis, String phase, String lastLine, long sealMillis) {
        @Override
        public String toString() {
            return target + " +" + delayMillis + " ms: " + phase + " ('" + lastLine + "')"
                    + (sealMillis >= 0 ? " [a whole seal seen in this round took " + sealMillis + " ms]" : "");
        }
    }

    @BeforeAll
    static void siteAndCollator() throws Exception {
        long t0 = System.nanoTime();
        siteDb = tmp.resolve("site/openrom.db");
        int sitePort = Site.freePort();
        try (Site site = Site.start("site", "--port", Integer.toString(sitePort), "--data", siteDb.getParent().toString())) {
            col = tmp.resolve("collator");
            ok(run(null, "collator", "init", "--data", col.toString()));
            collatorPort = Site.freePort();
            collator = Site.start("collator", "serve", "--data", col.toString(), "--port", Integer.toString(collatorPort));
            assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
            captureResponses(sitePort);
        }
        responses = multiply(siteDb, WANTED);
        ok(run(null, "collator", "export-certs", "--data", col.toString(), "--out",
                tmp.resolve("collator-certs.pem").toString()));
        assertThat(collator.awaitRunning(180)).as(collator.describe()).isTrue();
        System.out.printf("AgentKillIT: site database with %d responses and a running collator in %d ms%n", responses,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @AfterAll
    static void stopCollator() {
        if (collator != null) {
            collator.close();
        }
    }

    @Test
    void killedWhileSealingAndWhileUploadingTheAgentDeliversEveryResponseOnceWithTheSameBytes() throws Exception {
        try (FaultProxy proxy = new FaultProxy(collatorPort, List.of())) {
            proxy.holdReplies(HOLD_MILLIS);
            proxy.otherwise(Fault.HOLD_REPLY);
            Path config = enrolAgent("RXX01", proxy.port());
            Path batches = config.resolveSibling("agent-RXX01/batches");
            Random random = new Random(SEED);
            List<Round> rounds = new ArrayList<>();
            TreeSet<String> sealedFiles = new TreeSet<>();
            TreeSet<String> interruptedSeals = new TreeSet<>();
            for (Target target : schedule(ROUNDS)) {
                rounds.add(killOnce(config, "RXX01", proxy, target, random));
                snapshot(batches, sealedFiles, interruptedSeals);
            }
            System.out.printf("AgentKillIT: seed %d (-Dagent.kill.seed), %d responses, kills:%n  %s%n", SEED, responses,
                    String.join("\n  ", rounds.stream().map(Round::toString).toList()));

            proxy.otherwise(Fault.PASS);
            Result last = submit(config);
            assertThat(last.exit).as(last.output).isZero();
            assertThat(last.output).contains("receipt verified");
            snapshot(batches, sealedFiles, interruptedSeals);
            if (rounds.stream().anyMatch(r -> r.phase.equals(STORED))) {
                assertThat(last.output).as("the resend of a stored batch is answered with the stored receipt")
                        .contains("receipt verified (HTTP 200)");
            }
            List<String> phases = rounds.stream().map(Round::phase).toList();
            assertThat(phases).as("a kill landed while sealing").contains(SEALING);
            assertThat(phases).as("a kill landed while uploading").containsAnyOf(UPLOADING, STORED);

            String batchId = verifyAgent(config, sealedFiles, interruptedSeals);
            verifyCollator("RXX01", batchId, sealedFiles.first(), responseIds(config.resolveSibling("agent-RXX01")));
        }
    }

    @Test
    void controlWithoutTheAgentsStateABatchStoredBeforeTheKillTravelsAgainUnderANewId() throws Exception {
        try (FaultProxy proxy = new FaultProxy(collatorPort, List.of())) {
            proxy.holdReplies(HOLD_MILLIS);
            proxy.otherwise(Fault.HOLD_REPLY);
            Path config = enrolAgent("RXX02", proxy.port());
            Round kill = killOnce(config, "RXX02", proxy, Target.HELD, new Random(SEED));
            assertThat(kill.phase).as(kill.toString()).isEqualTo(STORED);
            try (Connection db = collatorDb()) {
                assertThat(count(db, "SELECT count(*) FROM batch WHERE site_id = 'RXX02'")).as("stored, receipt unread")
                        .isEqualTo(1);
            }
            Path data = config.resolveSibling("agent-RXX02");
            for (String f : List.of("agent.db", "agent.db-wal", "agent.db-shm")) {
                Files.deleteIfExists(data.resolve(f)); // the safeguard off: the agent forgets what it sealed and sent
            }
            proxy.otherwise(Fault.PASS);
            Result again = submit(config);
            assertThat(again.exit).as(again.output).isZero();
            System.out.printf("AgentKillIT control: %s; agent.db deleted; the next run: %s%n", kill,
                    again.output.lines().filter(l -> l.startsWith("sealed batch")).toList());

            try (Connection db = collatorDb()) {
                List<String> ids = strings(db, "SELECT batch_id FROM batch WHERE site_id = 'RXX02' ORDER BY received");
                assertThat(ids).as("without its state the agent seals the same rows again under a new batch id")
                        .hasSize(2).doesNotHaveDuplicates();
                List<String> records = strings(db, "SELECT records FROM batch WHERE site_id = 'RXX02'");
                assertThat(records).as("both carry every resource: the same count").hasSize(2)
                        .allMatch(n -> Long.parseLong(n) > responses).containsOnly(records.get(0));
                // The intake keeps one row per resource id (a later batch's version replaces the earlier one: that is
                // how corrections travel), so the responses are not two rows each: they arrived twice, in two batches,
                // now belong to the second, and the repeated sequence 1 is recorded as a regression.
                assertThat(count(db, "SELECT count(*) FROM record WHERE site_id = 'RXX02' AND resource_type ="
                        + " 'QuestionnaireResponse' AND batch_id = '" + ids.get(1) + "'")).isEqualTo(responses);
                assertThat(count(db, "SELECT count(*) FROM batch_event WHERE site_id = 'RXX02'"
                        + " AND kind = 'SEQUENCE_REGRESSION'")).isEqualTo(1);
            }
        }
    }

    /** Seal kills first (an early one, not to miss the seal, then wider ones), then upload kills, the last one held. */
    private static List<Target> schedule(int rounds) {
        assertThat(rounds).as("-Dagent.kill.rounds: one kill while sealing and one while uploading need 2")
                .isGreaterThanOrEqualTo(2);
        List<Target> targets = new ArrayList<>();
        int seal = (rounds + 1) / 2;
        for (int i = 0; i < seal; i++) {
            targets.add(i == 0 ? Target.SEAL_EARLY : Target.SEAL);
        }
        for (int j = 0, rest = rounds - seal; j < rest; j++) {
            targets.add((rest - 1 - j) % 2 == 0 ? Target.HELD : Target.UPLOAD);
        }
        return targets;
    }

    /** Starts submit-now, waits for the round's trigger, sleeps a random delay, SIGKILLs the JVM, names the phase hit. */
    private static Round killOnce(Path config, String site, FaultProxy proxy, Target target, Random random)
            throws Exception {
        Path log = Files.createTempFile(tmp, "agent-", ".log");
        int first = proxy.connections(); // this round's connections are numbered from here (earlier ones may still answer)
        Process p = start(config, log);
        BooleanSupplier trigger = switch (target) {
            case SEAL_EARLY, SEAL -> () -> lines(log).stream().anyMatch(l -> l.startsWith("sealing ")
                    || l.startsWith("finishing the interrupted seal") || l.startsWith("batch "));
            case UPLOAD -> () -> proxy.uploadsSince(first) > 0;
            case HELD -> () -> proxy.heldRepliesSince(first) > 0 && stored(site);
        };
        long delay = switch (target) {
            case SEAL_EARLY -> 50 + random.nextInt(350);
            case SEAL -> random.nextInt(2500);
            case UPLOAD -> random.nextInt(1500);
            case HELD -> random.nextLong(HOLD_MILLIS - 1000); // the answer leaves the proxy HOLD_MILLIS after the commit
        };
        long sealMillis = await(trigger, p, log);
        Thread.sleep(delay);
        boolean stored = stored(site);
        boolean alive = p.isAlive();
        // bin/openrom ends with `exec java`: the process is the agent's JVM itself, and submit-now starts no other.
        assertThat(p.info().command().orElse("")).as("the process killed is the JVM").endsWith("java");
        assertThat(p.descendants().count()).as("no child process outlives the kill").isZero();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> out = lines(log);
        String lastLine = out.isEmpty() ? "" : out.get(out.size() - 1);
        return new Round(target, delay, phase(out, stored, alive), lastLine, sealMillis);
    }

    /**
     * Waits for the trigger, the agent's end or 120 s. @return how long a whole redone seal took while waiting (from
     * "finishing the interrupted seal" to "sealed batch"), or -1 when none was seen
     */
    private static long await(BooleanSupplier trigger, Process p, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long sealStart = -1;
        long sealMillis = -1;
        while (!trigger.getAsBoolean() && p.isAlive() && System.nanoTime() < deadline) {
            List<String> seen = lines(log);
            if (sealStart < 0 && seen.stream().anyMatch(l -> l.startsWith("finishing the interrupted seal"))) {
                sealStart = System.nanoTime();
            }
            if (sealStart >= 0 && sealMillis < 0 && seen.stream().anyMatch(l -> l.startsWith("sealed batch"))) {
                sealMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sealStart);
            }
            Thread.sleep(10);
        }
        return sealMillis;
    }

    /** The phase a kill hit: the agent's last line, and whether the collator held the batch just before the kill. */
    private static String phase(List<String> out, boolean stored, boolean alive) {
        if (!alive) {
            return "ended before the kill";
        }
        String last = out.isEmpty() ? "" : out.get(out.size() - 1);
        if (last.contains("receipt verified")) {
            return "after the receipt";
        }
        if (stored) {
            return STORED;
        }
        if (last.startsWith("batch ")) {
            return UPLOADING;
        }
        if (last.startsWith("sealed batch")) {
            return "sealed, before the upload";
        }
        if (last.startsWith("sealing ") || last.startsWith("finishing the interrupted seal") || last.startsWith("  ")) {
            return SEALING;
        }
        return "starting";
    }

    /** Records the SHA-256 of each sealed file and the batch id of each interrupted seal's leftover file. */
    private static void snapshot(Path batches, TreeSet<String> sealed, TreeSet<String> interrupted) throws Exception {
        if (!Files.isDirectory(batches)) {
            return;
        }
        try (Stream<Path> files = Files.list(batches)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".p7m")) {
                    sealed.add(sha256(f));
                } else if (name.endsWith(".p7m.part")) {
                    interrupted.add(name.substring(0, name.length() - ".p7m.part".length()));
                }
            }
        }
    }

    /** The agent's own view: status --json and agent.db agree with what was seen after each kill. */
    private static String verifyAgent(Path config, TreeSet<String> sealedFiles, TreeSet<String> interruptedSeals)
            throws Exception {
        Result status = run(AGENT_CLOCK, "agent", "--config", config.toString(), "status", "--json");
        assertThat(status.output).contains("\"state\" : \"ACKNOWLEDGED\"").contains("\"undelivered\" : [ ]");
        Path agentDb = config.resolveSibling("agent-RXX01/agent.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + agentDb + "?mode=ro")) {
            List<String> rows = strings(db, "SELECT batch_id || ' ' || sequence || ' ' || quarter || ' ' || state || ' '"
                    + " || sha256 FROM batch");
            assertThat(rows).as("one batch in the agent's state").hasSize(1);
            String[] row = rows.get(0).split(" ");
            assertThat(List.of(row[1], row[2], row[3])).containsExactly("1", QUARTER, "ACKNOWLEDGED");
            assertThat(sealedFiles).as("the sealed file after every kill and at the end is the one acknowledged")
                    .containsExactly(row[4]);
            assertThat(interruptedSeals).as("an interrupted seal is redone under its batch id").isSubsetOf(row[0]);
            assertThat(status.output).contains("\"batchId\" : \"" + row[0] + "\"")
                    .contains("\"bodySha256\" : \"" + row[4] + "\"");
            return row[0];
        }
    }

    /** The collator's database: one batch for the quarter, every response of the site once, no other bytes seen. */
    private static void verifyCollator(String site, String batchId, String sha, List<String> expected) throws Exception {
        try (Connection db = collatorDb()) {
            assertThat(strings(db, "SELECT batch_id || ' ' || sequence || ' ' || quarter || ' ' || body_sha256 FROM batch"
                    + " WHERE site_id = '" + site + "'")).as("one batch, however often it was sent or killed")
                    .containsExactly(batchId + " 1 " + QUARTER + " " + sha);
            assertThat(strings(db, "SELECT resource_id FROM record WHERE site_id = '" + site
                    + "' AND resource_type = 'QuestionnaireResponse'")).as("every response of the site exactly once")
                    .hasSize(responses).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(count(db, "SELECT count(*) FROM record WHERE site_id = '" + site
                    + "' AND resource_type = 'QuestionnaireResponse' AND batch_id = '" + batchId + "'"))
                    .as("all in that batch").isEqualTo(responses);
            assertThat(strings(db, "SELECT kind || ': ' || detail FROM batch_event WHERE site_id = '" + site + "'"))
                    .as("no other bytes under the batch id (CONFLICT), no sequence trouble").isEmpty();
        }
        assertThat(col.resolve("quarantine/" + site)).doesNotExist();
    }

    /**
     * The ack log as the collator names it: the id of the QuestionnaireResponse every response row of the site (the
     * 201s and their copies) must arrive as, computed as docs/batch-format.md defines it (first 128 bits of
     * HMAC-SHA256(K_link, 0x00 ‖ type ‖ 0x00 ‖ local id)) with K_link read from the agent's keystore.
     */
    private static List<String> responseIds(Path agentData) throws Exception {
        char[] password = Files.readAllLines(agentData.resolve("agent.pass")).get(0).toCharArray();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(agentData.resolve("site.p12"))) {
            keystore.load(in, password);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keystore.getKey("link", password).getEncoded(), "HmacSHA256"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + siteDb + "?mode=ro")) {
            List<String> ids = new ArrayList<>();
            for (String local : strings(c, "SELECT response_id FROM response")) {
                byte[] h = mac.doFinal(("\u0000QuestionnaireResponse\u0000" + local).getBytes(StandardCharsets.UTF_8));
                ids.add(HexFormat.of().formatHex(h, 0, 16));
            }
            return ids;
        }
    }

    private static Path enrolAgent(String site, int port) throws Exception {
        Path agent = tmp.resolve("agent-" + site);
        Files.createDirectories(agent);
        Path config = tmp.resolve(site + ".properties");
        Files.writeString(config, String.join("\n",
                "site.id=" + site,
                "site.database=" + siteDb,
                "agent.data=" + agent,
                "agent.keystore.password.file=" + agent.resolve("agent.pass"),
                "collator.url=https://127.0.0.1:" + port + "/",
                "retry.initial=PT0.2S",
                "retry.max.delay=PT1S",
                "retry.max.attempts=20",
                "http.read.timeout=PT60S",
                ""));
        ok(run(null, "agent", "--config", config.toString(), "enrol"));
        Path crt = tmp.resolve(site + ".crt");
        ok(run(null, "collator", "register-site", "--data", col.toString(), "--site", site,
                "--csr", agent.resolve("site.csr").toString(), "--out", crt.toString()));
        ok(run(null, "agent", "--config", config.toString(), "enrol", "--import-cert", crt.toString(),
                "--collator-certs", tmp.resolve("collator-certs.pem").toString()));
        return config;
    }

    /** Posts {@value #CAPTURED} responses through the running site's JSON API; all must be acknowledged. */
    private static void captureResponses(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int n = 0; n < CAPTURED; n++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/openrom/api/responses"))
                    .header("Authorization", DEMO).header("Content-Type", "application/fhir+json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(phq9("kill-" + n, "demo-" + (n % 8 + 1), n))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    /**
     * Copies the rows the site's store wrote (response and outbox; patient and episode rows are shared) with new
     * response ids until the site holds about {@code wanted} responses, each copy an exact copy but for its id.
     * The agent reads neither the audit log nor anything else the copies lack. @return the responses now held
     */
    private static int multiply(Path db, int wanted) throws Exception {
        int copies = Math.max(0, (wanted + CAPTURED - 1) / CAPTURED - 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE copy AS WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < "
                    + copies + ") SELECT r.response_id AS orig, r.response_id || '-copy-' || k.n AS id, k.n AS n"
                    + " FROM k, response r WHERE " + copies + " > 0");
            s.executeUpdate("INSERT INTO response SELECT c.id, r.patient_id, r.episode_id, r.measure_id, r.authored,"
                    + " json_set(r.fhir_json, '$.id', c.id), r.scores_json, r.stored_at FROM copy c"
                    + " JOIN response r ON r.response_id = c.orig ORDER BY c.n, r.rowid");
            s.executeUpdate("INSERT INTO outbox (response_id, created_at) SELECT c.id, o.created_at FROM copy c"
                    + " JOIN outbox o ON o.response_id = c.orig ORDER BY c.n, o.seq");
            c.commit();
            long held = count(c, "SELECT count(*) FROM response");
            assertThat(count(c, "SELECT count(*) FROM outbox WHERE state = 'pending'")).isEqualTo(held);
            assertThat(held).isEqualTo((long) CAPTURED * (copies + 1));
            return (int) held;
        }
    }

    private static String phq9(String id, String patient, int n) {
        StringBuilder items = new StringBuilder();
        for (int q = 1; q <= 9; q++) {
            items.append(q == 1 ? "" : ",").append("{\"linkId\":\"q").append(q)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[(n + q) % 3]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authored\":\"2026-11-0" + (1 + n % 9)
                + "T10:00:00Z\",\"item\":[" + items + "]}";
    }

    private static Process start(Path config, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Site.DIST.resolve("bin/openrom").toString(), "agent", "--config",
                config.toString(), "submit-now").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", AGENT_CLOCK);
        return pb.start();
    }

    private static Result submit(Path config) throws Exception {
        return run(AGENT_CLOCK, "agent", "--config", config.toString(), "submit-now");
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether the collator has committed a batch of this site. */
    private static boolean stored(String site) {
        try (Connection db = collatorDb()) {
            return count(db, "SELECT count(*) FROM batch WHERE site_id = '" + site + "'") > 0;
        } catch (Exception e) {
            throw new AssertionError("cannot read the collator's database", e);
        }
    }

    private static Connection collatorDb() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:file:" + col.resolve("collator.db") + "?mode=ro");
    }

    private record Result(int exit, String output) {}

    private static Result run(String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Site.DIST.resolve("bin/openrom").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openrom " + String.join(" ", args) + " did not end: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    private static void ok(Result r) {
        assertThat(r.exit).as(r.output).isZero();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
