package org.openrom.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.seal.BatchCounts;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealRequest;
import org.openrom.agent.seal.SealedBatch;
import org.openrom.agent.state.AgentState;
import org.openrom.agent.state.BatchRecord;
import org.openrom.agent.state.BatchState;
import org.openrom.agent.testing.MutableClock;
import org.openrom.agent.testing.TestPki;

/**
 * The commands end to end in-process: enrolment, sealing through a stand-in sealer (the real one is tested by
 * its own suite), delivery to a mutual-TLS MockWebServer that answers with signed receipts, status.
 */
class AgentCommandTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-07-02T09:00:00Z"));
    final List<SealRequest> seals = new ArrayList<>();
    final List<String> received = new ArrayList<>();
    TestPki pki;
    MockWebServer server;
    Path config;
    long rowsInSite = 10;
    boolean crashAfterWrite;

    @BeforeEach
    void setUp() throws Exception {
        pki = new TestPki("RXX01");
        server = new MockWebServer();
        server.useHttps(pki.server().sslSocketFactory());
        server.requireClientAuth();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                try {
                    String[] path = r.getUrl().encodedPath().split("/");
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.getBody().toByteArray()));
                    received.add(path[4]);
                    byte[] receipt = TestPki.receipt(pki.collator, TestPki.receiptJson(path[3], path[4], sha));
                    return new MockResponse.Builder().code(201).body(new Buffer().write(receipt)).build();
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).build();
                }
            }
        });
        server.start();
        config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n", "site.id=RXX01", "site.database=site.db", "agent.data=data",
                "agent.keystore.password.file=agent.pass", "collator.url=https://localhost:" + server.getPort() + "/",
                "retry.initial=PT1S", "retry.max.attempts=3", ""));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        int code = new AgentCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                clock, d -> clock.advance(d), this::seal).run(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stands in for the sealer: the file's bytes are a function of the request, as the real contents are. */
    SealedBatch seal(SealRequest r) throws SealException {
        seals.add(r);
        long last = rowsInSite;
        if (last <= r.selection().afterSeq()) {
            throw new SealException(SealError.EMPTY, "no rows");
        }
        try {
            Path file = r.outputDir().resolve(r.batchId() + ".p7m");
            byte[] bytes = (r.batchId() + " " + r.sequence() + " " + r.selection().afterSeq() + " " + r.selection().quarter().id()
                    + " " + r.created()).getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            if (crashAfterWrite) {
                throw new IllegalStateException("simulated crash after the file was written");
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new SealedBatch(r.batchId(), file, bytes.length, sha, sha, "{}", new BatchCounts(1, 1, 1, 1, 1),
                    last - r.selection().afterSeq(), r.selection().afterSeq() + 1, last);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new SealException(SealError.OUTPUT, e.toString(), e);
        }
    }

    void enrolAndImport() throws Exception {
        assertThat(run("enrol", "--site", "RXX01").code()).isZero();
        Path crt = dir.resolve("site.crt");
        org.openrom.agent.keys.Pem.write(crt, List.of(TestPki.issue(pki.ca, dir.resolve("data/site.csr"), clock.instant(), 395)));
        Result r = run("enrol", "--import-cert", crt.toString(), "--collator-certs", pki.writeBundle(dir.resolve("c.pem")).toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Result r = run("submit-now", "2026-Q1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("openrom: not a financial quarter (expected YYYY-YY-Qn, e.g. 2026-27-Q1): '2026-Q1'\n");
        assertThat(run("frobnicate").err()).isEqualTo("openrom: unknown agent command 'frobnicate' (try 'openrom agent help')\n");
        assertThat(run("enrol", "--site", "RYY02").err()).startsWith("openrom: --site RYY02 does not match site.id=RXX01");
        assertThat(run("status", "--verbose").err()).isEqualTo("openrom: unexpected argument '--verbose'\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int noConfig = new AgentCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), clock, d -> {}, this::seal)
                .run(List.of("--config", dir.resolve("missing.properties").toString(), "status"));
        assertThat(noConfig).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("openrom: agent configuration not found: ")
                .contains("missing.properties").hasLineCount(1);
    }

    @Test
    void submitNowSealsTheDueQuarterDeliversItAndTheStatusShowsTheReceipt() throws Exception {
        enrolAndImport();

        Result r = run("submit-now");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(seals).hasSize(1);
        assertThat(seals.get(0).selection().quarter().id()).isEqualTo("2026-27-Q1");
        assertThat(received).containsExactly(seals.get(0).batchId().toString());
        JsonNode status = new ObjectMapper().readTree(dir.resolve("data/agent-status.json").toFile());
        assertThat(status.path("lastSubmission").path("quarter").asText()).isEqualTo("2026-27-Q1");
        assertThat(status.path("lastSubmission").path("receipt").path("batchId").asText()).isEqualTo(seals.get(0).batchId().toString());
        assertThat(status.path("nextSubmission").path("quarter").asText()).isEqualTo("2026-27-Q2");
        assertThat(status.path("undelivered")).isEmpty();
        assertThat(status.path("certificates")).extracting(c -> c.path("role").asText()).containsExactly("site", "ca", "collator");
        assertThat(run("status").out()).contains("Last submission: 2026-27-Q1, batch 1").contains("Undelivered batches: 0");
    }

    @Test
    void missedQuartersAreCaughtUpOldestFirstAndEmptyOnesSkipped() throws Exception {
        enrolAndImport();
        assertThat(run("submit-now").code()).isZero();
        clock.set(Instant.parse("2027-04-10T09:00:00Z"));
        rowsInSite = 10; // nothing new in Q2

        seals.clear();
        Result r = run("submit-now");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(seals).extracting(s -> s.selection().quarter().id()).containsExactly("2026-27-Q2", "2026-27-Q3", "2026-27-Q4");
        assertThat(r.err()).contains("2026-27-Q2: nothing to send");
        assertThat(received).hasSize(1);
        rowsInSite = 25;
        clock.set(Instant.parse("2027-07-02T09:00:00Z"));
        seals.clear();
        assertThat(run("submit-now", "2027-28-Q1").code()).isZero();
        assertThat(seals).extracting(s -> s.sequence() + " " + s.selection().afterSeq()).containsExactly("2 10");
        assertThat(run("submit-now", "2027-28-Q2").err()).contains("has not ended");
    }

    @Test
    void anInterruptedSealIsRedoneWithTheSameBatchIdSequenceRowsAndCreatedTime() throws Exception {
        enrolAndImport();
        crashAfterWrite = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("submit-now")).hasMessageContaining("simulated crash");
        SealRequest first = seals.get(0);
        try (AgentState s = AgentState.open(dir.resolve("data/agent.db"), clock, () -> {})) {
            assertThat(s.inState(BatchState.SEALING)).hasSize(1);
        }
        assertThat(received).as("a SEALING batch is never sent").isEmpty();

        crashAfterWrite = false;
        clock.advance(Duration.ofHours(3));
        Result r = run("submit-now");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("finishing the interrupted seal of batch 1");
        SealRequest redo = seals.get(1);
        assertThat(redo.batchId()).isEqualTo(first.batchId());
        assertThat(redo.sequence()).isEqualTo(first.sequence());
        assertThat(redo.selection()).isEqualTo(first.selection());
        assertThat(redo.created()).isEqualTo(first.created());
        assertThat(seals).hasSize(2);
        assertThat(received).containsExactly(first.batchId().toString());
        try (AgentState s = AgentState.open(dir.resolve("data/agent.db"), clock, () -> {})) {
            BatchRecord b = s.batch(first.batchId().toString()).orElseThrow();
            assertThat(b.state()).isEqualTo(BatchState.ACKNOWLEDGED);
            assertThat(s.cursor()).isEqualTo(10);
        }
    }

    @Test
    void statusWarnsOfUndeliveredBatchesAndNearCertificateExpiry() throws Exception {
        enrolAndImport();
        server.close();
        assertThat(run("submit-now").code()).isEqualTo(1);
        clock.advance(Duration.ofDays(4));
        clock.advance(Duration.ofDays(370));

        Result r = run("status", "--json");

        JsonNode status = new ObjectMapper().readTree(r.out());
        assertThat(status.path("undelivered")).hasSize(1);
        assertThat(status.path("undelivered").get(0).path("state").asText()).isEqualTo("SENDING");
        assertThat(status.path("undelivered").get(0).path("attempts").asInt()).isEqualTo(3);
        assertThat(status.path("warnings")).extracting(w -> w.path("code").asText()).contains("AG-4001", "AG-4003");
    }
}
