package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G1 as a user meets it (RELIABILITY.md T01, short): the built distribution under load from several clinicians'
 * scripts, SIGKILLed at seeded random moments and restarted. Every response answered 201 (kept in an ack log) must
 * be in the database file exactly once: one response row, one outbox row, one audit row. The control run sets the
 * store's test control {@code acknowledge = before-commit-UNSAFE} (and a commit delay, so the window is wide)
 * through the site's conf/openrom.json, and must lose acknowledged responses.
 *
 * <p>{@code -Dopenrom.kill.rounds=N} (default 3) and {@code -Dopenrom.kill.seed=S} (printed) replay or lengthen it.
 */
class KillLoadIT {
    private static final long SEED = Long.getLong("openrom.kill.seed", 20261122L);
    private static final int ROUNDS = Integer.getInteger("openrom.kill.rounds", 3);
    private static final int CLINICIANS = 4;
    private static final Pattern PATIENT_ID = Pattern.compile("\\{\"id\":\"([A-Za-z0-9-]+)\",\"displayName\"");
    private static final String STORE_PID = "\"org.openrom.store.internal.SqliteResponseStore\": {";

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedResponseSurvivesSigkillExactlyOnce() throws Exception {
        Path home = copyOfDistribution("safe", "");
        KillRounds.Tally tally = run(home, "safe", false);

        assertThat(tally.lost()).as("acknowledged but lost").isZero();
        assertThat(tally.duplicated()).as("acknowledged and stored more than once").isZero();
        assertThat(tally.partial()).as("stored without their outbox or audit row").isZero();
        assertThat(tally.acknowledged()).as("acknowledged over all rounds").isGreaterThanOrEqualTo(ROUNDS * 10);
    }

    @Test
    void controlAcknowledgingBeforeTheCommitLosesAcknowledgedResponses() throws Exception {
        Path home = copyOfDistribution("control",
                "\"acknowledge\": \"before-commit-UNSAFE\", \"testCommitDelayMillis\": 250,");
        KillRounds.Tally tally = run(home, "control", true);

        assertThat(tally.lost()).as("acknowledged but lost, over all rounds (the control must lose some)").isPositive();
    }

    private KillRounds.Tally run(Path home, String name, boolean unsafe) throws Exception {
        Path data = tmp.resolve(name + "-data");
        Path ackLog = tmp.resolve(name + "-acks.log");
        Files.createFile(ackLog);
        Random random = new Random(SEED);
        System.out.printf("KillLoadIT %s: seed %d (-Dopenrom.kill.seed), %d rounds, %d clinicians%n", name, SEED, ROUNDS,
                CLINICIANS);
        KillRounds.Tally tally = null;
        for (int round = 0; round < ROUNDS; round++) {
            int port = Site.freePort();
            URI api = URI.create("http://127.0.0.1:" + port + "/openrom/api/");
            // With a test control set, the health endpoint answers 503 and the launcher never reports "running":
            // it keeps waiting (a long --ready-timeout) while the framework serves requests.
            try (Site site = Site.startFrom(home, "site", "--port", Integer.toString(port), "--data", data.toString(),
                    "--ready-timeout", unsafe ? "3600" : "180")) {
                awaitReady(site, api, unsafe);
                if (round > 0) {
                    // After the restart: what was acknowledged before the last kill is there, exactly once.
                    tally = KillRounds.verify(data.resolve("openrom.db"), KillRounds.readAcks(ackLog));
                    System.out.printf("KillLoadIT %s: after restart %d: %s%n", name, round, tally);
                }
                List<String> patients = caseload(api);
                try (LoadGenerator load = LoadGenerator.start(api, patients, CLINICIANS, name + "-r" + round, ackLog,
                        SEED + round)) {
                    load.awaitAcknowledged(1, Duration.ofSeconds(150)); // the first submission warms the runtime up
                    long killAfter = 1_000 + random.nextInt(3_000);
                    Thread.sleep(killAfter);
                    site.process.toHandle().destroyForcibly();
                    assertThat(site.process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
                    System.out.printf("KillLoadIT %s: round %d killed %d ms into the load, %s%n", name, round, killAfter,
                            load.summary());
                }
            }
            tally = KillRounds.verify(data.resolve("openrom.db"), KillRounds.readAcks(ackLog));
            System.out.printf("KillLoadIT %s: after kill %d: %s%n", name, round, tally);
        }
        return tally;
    }

    private static void awaitReady(Site site, URI api, boolean unsafe) throws Exception {
        if (!unsafe) {
            assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(api.resolve("health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<Void> patients = http.send(HttpRequest.newBuilder(api.resolve("patients"))
                        .header("Authorization", LoadGenerator.DEMO).build(), HttpResponse.BodyHandlers.discarding());
                if (health.body().contains("ST-2001") && patients.statusCode() == 200) {
                    assertThat(health.statusCode()).as("health with the unsafe test control").isEqualTo(503);
                    assertThat(site.out).noneMatch(line -> line.contains(" is running at "));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(site.process.isAlive()).as(site.describe()).isTrue();
            assertThat(System.nanoTime()).as("health naming ST-2001 within 180 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> caseload(URI api) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("patients"))
                .header("Authorization", LoadGenerator.DEMO).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        int patients = r.body().indexOf("\"patients\"");
        assertThat(patients).as(r.body()).isPositive();
        Matcher m = PATIENT_ID.matcher(r.body().substring(patients));
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).as("the demo clinician's caseload").isNotEmpty();
        return ids;
    }

    /** A private copy of the built distribution, with {@code storeSettings} added to the store's configuration. */
    private Path copyOfDistribution(String name, String storeSettings) throws IOException {
        Path home = tmp.resolve(name + "-openrom");
        try (Stream<Path> files = Files.walk(Site.DIST)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = home.resolve(Site.DIST.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path conf = home.resolve("conf/openrom.json");
        String json = Files.readString(conf);
        assertThat(json).contains(STORE_PID);
        Files.writeString(conf, json.replace(STORE_PID, STORE_PID + " " + storeSettings));
        return home;
    }
}
