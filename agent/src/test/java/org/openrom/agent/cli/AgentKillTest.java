package org.openrom.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.keys.Pem;
import org.openrom.agent.seal.Sealer;
import org.openrom.agent.seal.SyntheticSite;
import org.openrom.agent.state.AgentState;
import org.openrom.agent.state.BatchRecord;
import org.openrom.agent.state.BatchState;
import org.openrom.agent.testing.MutableClock;
import org.openrom.agent.testing.TestPki;

/**
 * T04/T06 for the agent: {@code submit-now} runs as a child JVM with the real sealer over a real site database and
 * is killed with SIGKILL at random moments (while sealing, while uploading, after the collator has the body but
 * before the agent has the receipt), then run again to the end. The collator side records every PUT (the ack
 * log). Exactly one batch id ever reaches it, every PUT of it carries the same bytes, and the agent ends with one
 * ACKNOWLEDGED batch. The control run loses the agent's state between runs and must show a second batch id
 * carrying the same responses again. Runs child JVMs for minutes on a shared 2-core machine, so it runs only with
 * {@code -Dagent.kill=true}; {@code -Dagent.kill.rounds=N} (default 3), {@code -Dagent.kill.seed},
 * {@code -Dagent.kill.window.ms} (default 15000) tune it.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "agent.kill", matches = "true")
class AgentKillTest {
    @TempDir Path dir;
    final Map<String, Set<String>> bodiesByBatch = new ConcurrentHashMap<>();
    final List<String> puts = java.util.Collections.synchronizedList(new ArrayList<>());
    TestPki pki;
    MockWebServer server;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        pki = new TestPki("RXX01");
        server = new MockWebServer();
        server.useHttps(pki.server().sslSocketFactory());
        server.requireClientAuth();
        server.setProtocols(List.of(okhttp3.Protocol.HTTP_1_1));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                try {
                    String[] path = r.getUrl().encodedPath().split("/");
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.getBody().toByteArray()));
                    bodiesByBatch.computeIfAbsent(path[4], k -> ConcurrentHashMap.newKeySet()).add(sha);
                    puts.add(path[4]);
                    Thread.sleep(800); // the collator "stores": a kill now is a reply the agent never hears (T06)
                    byte[] receipt = TestPki.receipt(pki.collator, TestPki.receiptJson(path[3], path[4], sha));
                    return new MockResponse.Builder().code(201).body(new Buffer().write(receipt)).build();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).build();
                }
            }
        });
        server.start();
        Path db = dir.resolve("site.db").toAbsolutePath();
        new SyntheticSite(5).bulk(db, 3000, 4, Instant.parse("2026-05-15T10:00:00Z"));
        config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n", "site.id=RXX01", "site.database=" + db, "agent.data=data",
                "agent.keystore.password.file=agent.pass", "collator.url=https://localhost:" + server.getPort() + "/",
                "retry.initial=PT0.2S", "retry.max.delay=PT1S", "retry.max.attempts=20", ""));
        MutableClock clock = new MutableClock(Instant.now());
        AgentCommand inProcess = new AgentCommand(new PrintStream(new ByteArrayOutputStream()), System.err, clock, d -> {},
                new Sealer()::seal);
        assertThat(inProcess.run(List.of("--config", config.toString(), "enrol"))).isZero();
        Path crt = dir.resolve("site.crt");
        Pem.write(crt, List.of(TestPki.issue(pki.ca, dir.resolve("data/site.csr"), Instant.now().minusSeconds(3600), 395)));
        assertThat(inProcess.run(List.of("--config", config.toString(), "enrol", "--import-cert", crt.toString(),
                "--collator-certs", pki.writeBundle(dir.resolve("bundle.pem")).toString()))).isZero();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.openrom.agent.AgentMain", "--config", config.toString(),
                "submit-now").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    int runToEnd() throws Exception {
        Process p = start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("agent finished").isTrue();
        if (p.exitValue() != 0) {
            System.err.println("child agent exited " + p.exitValue() + ":\n" + Files.readString(dir.resolve("child.log")));
        }
        return p.exitValue();
    }

    @Test
    void killedAtRandomPointsTheAgentDeliversOneBatchWithTheSameBytesEveryTime() throws Exception {
        long seed = Long.getLong("agent.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        int rounds = Integer.getInteger("agent.kill.rounds", 3);
        List<String> hit = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Process p = start();
            Thread.sleep(500 + random.nextLong(Long.getLong("agent.kill.window.ms", 15_000L)));
            p.destroyForcibly().waitFor();
            List<String> log = Files.readAllLines(dir.resolve("child.log"));
            hit.add(log.isEmpty() ? "(starting)" : log.get(log.size() - 1));
        }
        System.err.println("AgentKillTest seed " + seed + ", killed after: " + hit);
        assertThat(runToEnd()).as(Files.readString(dir.resolve("child.log"))).isZero();

        BatchRecord batch = onlyBatch();
        assertThat(batch.state()).isEqualTo(BatchState.ACKNOWLEDGED);
        assertThat(bodiesByBatch.keySet()).as("batch ids the collator saw").containsExactly(batch.batchId());
        assertThat(bodiesByBatch.get(batch.batchId())).as("every PUT carried the sealed bytes").containsExactly(batch.sha256());
        assertThat(batch.sequence()).isEqualTo(1);
    }

    @Test
    void controlWithoutTheAgentsStateTheSameResponsesTravelTwice() throws Exception {
        assertThat(runToEnd()).isZero();
        String firstId = onlyBatch().batchId();
        Files.delete(dir.resolve("data/agent.db"));

        assertThat(runToEnd()).as(Files.readString(dir.resolve("child.log"))).isZero();

        Set<String> ids = new TreeSet<>(bodiesByBatch.keySet());
        assertThat(ids).as("without its state the agent seals the same rows again under a new id").hasSize(2).contains(firstId);
    }

    private BatchRecord onlyBatch() throws Exception {
        try (AgentState s = AgentState.open(dir.resolve("data/agent.db"), java.time.Clock.systemUTC(), () -> {})) {
            List<BatchRecord> all = s.recent(10);
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

}
