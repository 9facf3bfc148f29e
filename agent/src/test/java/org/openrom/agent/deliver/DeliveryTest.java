package org.openrom.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.keys.SiteIdentity;
import org.openrom.agent.schedule.QuarterScheme;
import org.openrom.agent.state.AgentState;
import org.openrom.agent.state.BatchRecord;
import org.openrom.agent.state.BatchState;
import org.openrom.agent.testing.MutableClock;
import org.openrom.agent.testing.TestPki;

class DeliveryTest {
    static final String SITE = "RXX01";

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T02:00:00Z"));
    final List<Duration> waits = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    TestPki pki;
    MockWebServer server;
    AgentState state;
    BatchRecord batch;
    byte[] body;
    String sha;

    @BeforeEach
    void setUp() throws Exception {
        pki = new TestPki(SITE);
        server = new MockWebServer();
        server.useHttps(pki.server().sslSocketFactory());
        server.requireClientAuth();
        server.start();
        state = AgentState.open(dir.resolve("agent.db"), clock, () -> {});
        BatchRecord intent = state.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q1"), dir);
        body = new byte[300_000];
        new Random(1).nextBytes(body);
        Files.write(intent.file(), body);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        state.markSealed(intent.batchId(), body.length, sha, 42);
        batch = state.batch(intent.batchId()).orElseThrow();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        state.close();
    }

    Delivery delivery(SiteIdentity id, Duration readTimeout, RandomGenerator random) throws Exception {
        OkHttpClient http = CollatorClient.build(id, server.url("/").uri(),
                new CollatorClient.Timeouts(Duration.ofSeconds(5), readTimeout, readTimeout, Duration.ofSeconds(30)));
        Uploader up = new Uploader(http, server.url("/").uri(), SITE, new ReceiptVerifier(id.collator().collators(), id.pins()), clock);
        return new Delivery(state, up, new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 8),
                d -> { waits.add(d); clock.advance(d); }, random, progress::add);
    }

    Delivery delivery() throws Exception {
        return delivery(pki.identity(SITE, List.of()), Duration.ofSeconds(5), new Random(7));
    }

    MockResponse receipt(int code) throws Exception {
        byte[] r = TestPki.receipt(pki.collator, TestPki.receiptJson(SITE, batch.batchId(), sha));
        return new MockResponse.Builder().code(code).body(new Buffer().write(r)).build();
    }

    @Test
    void createdWithAValidReceiptIsAcknowledgedAndTheRequestFollowsAdr0004() throws Exception {
        server.enqueue(receipt(201));

        assertThat(delivery().deliver(batch)).isEqualTo(BatchState.ACKNOWLEDGED);

        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("PUT");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/collator/batches/RXX01/" + batch.batchId());
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/pkcs7-mime; smime-type=authEnveloped-data");
        assertThat(req.getHeaders().get("Content-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":");
        assertThat(req.getBody().toByteArray()).isEqualTo(body);
        assertThat(req.getHandshake().tlsVersion().javaName()).isEqualTo("TLSv1.3");
        assertThat(req.getHandshake().peerPrincipal().getName()).contains("CN=RXX01");
        BatchRecord after = state.batch(batch.batchId()).orElseThrow();
        assertThat(after.state()).isEqualTo(BatchState.ACKNOWLEDGED);
        assertThat(after.receiptJson()).contains(batch.batchId());
        assertThat(after.receipt()).isNotEmpty();
    }

    @Test
    void aReceiptSignedByAnotherKeyIsNotAnAcknowledgement() throws Exception {
        HeldCertificate impostor = new HeldCertificate.Builder().commonName("collator.test").rsa2048().signedBy(pki.ca).build();
        byte[] forged = TestPki.receipt(impostor, TestPki.receiptJson(SITE, batch.batchId(), sha));
        server.enqueue(new MockResponse.Builder().code(201).body(new Buffer().write(forged)).build());

        assertThat(delivery().deliver(batch)).isEqualTo(BatchState.STOPPED);

        BatchRecord after = state.batch(batch.batchId()).orElseThrow();
        assertThat(after.state()).isEqualTo(BatchState.STOPPED);
        assertThat(after.receipt()).isNull();
        assertThat(after.lastError()).startsWith("AG-3002").contains("receipt signature does not verify");
    }

    @Test
    void aReceiptForAnotherBodyIsNotAnAcknowledgement() throws Exception {
        byte[] other = TestPki.receipt(pki.collator, TestPki.receiptJson(SITE, batch.batchId(), "ab".repeat(32)));
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(other)).build());

        assertThat(delivery().deliver(batch)).isEqualTo(BatchState.STOPPED);
        assertThat(state.batch(batch.batchId()).orElseThrow().lastError()).contains("bodySha256");
    }

    @Test
    void transientFailuresAreRetriedWithTheSameBytesUntilOneReceipt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"code\":\"CI-5000\",\"message\":\"busy\"}").build());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        MockResponse good = receipt(201);
        server.enqueue(new MockResponse.Builder(good).onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(new MockResponse.Builder(good).headersDelay(3, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(receipt(200));

        BatchState end = delivery(pki.identity(SITE, List.of()), Duration.ofSeconds(1), new Random(3)).deliver(batch);

        assertThat(end).isEqualTo(BatchState.ACKNOWLEDGED);
        assertThat(server.getRequestCount()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            RecordedRequest r = server.takeRequest();
            assertThat(r.getBody().toByteArray()).as("attempt %d sends the sealed bytes", i + 1).isEqualTo(body);
        }
        BatchRecord after = state.batch(batch.batchId()).orElseThrow();
        assertThat(after.attempts()).isEqualTo(6);
        assertThat(waits).hasSize(5);
        assertThat(progress).anyMatch(l -> l.contains("HTTP 503 CI-5000 busy"));
    }

    @Test
    void conflictAndForbiddenStopTheBatchWithTheCollatorsReason() throws Exception {
        server.enqueue(new MockResponse.Builder().code(409).body("{\"code\":\"CI-4090\",\"message\":\"other bytes\"}").build());
        assertThat(delivery().deliver(batch)).isEqualTo(BatchState.STOPPED);
        assertThat(state.batch(batch.batchId()).orElseThrow().lastError()).isEqualTo("AG-3001 HTTP 409 CI-4090 other bytes");

        server.enqueue(new MockResponse.Builder().code(403).build());
        assertThat(delivery().deliver(state.batch(batch.batchId()).orElseThrow())).isEqualTo(BatchState.STOPPED);
        assertThat(state.batch(batch.batchId()).orElseThrow().lastError()).isEqualTo("AG-3001 HTTP 403");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void aCollatorKeyThatDoesNotMatchThePinIsRefusedBeforeAnyRequest() throws Exception {
        String otherPin = org.openrom.agent.keys.Pins.pin(new HeldCertificate.Builder().rsa2048().build().certificate());
        server.enqueue(receipt(201));

        BatchState end = delivery(pki.identity(SITE, List.of(otherPin)), Duration.ofSeconds(5), new Random(1)).deliver(batch);

        assertThat(end).isEqualTo(BatchState.STOPPED);
        assertThat(state.batch(batch.batchId()).orElseThrow().lastError()).startsWith("AG-3003");
        assertThat(server.getRequestCount()).as("no request reached the server").isZero();
    }

    @Test
    void aCollatorFromAnotherCaIsRefused() throws Exception {
        TestPki other = new TestPki(SITE);
        SiteIdentity trustsOtherCa = other.identity(SITE, pki.identity(SITE, List.of()).pins());

        BatchState end = delivery(trustsOtherCa, Duration.ofSeconds(5), new Random(1)).deliver(batch);

        assertThat(end).isEqualTo(BatchState.STOPPED);
        assertThat(state.batch(batch.batchId()).orElseThrow().lastError()).startsWith("AG-3003");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void backOffDoublesFromTheInitialDelayUpToTheCapWithFullJitter() throws Exception {
        for (int i = 0; i < 8; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        Instant start = clock.instant();

        BatchState end = delivery(pki.identity(SITE, List.of()), Duration.ofSeconds(5), highest).deliver(batch);

        assertThat(end).isEqualTo(BatchState.SENDING);
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofSeconds(600), Duration.ofSeconds(600));
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(2130));
        assertThat(state.batch(batch.batchId()).orElseThrow().attempts()).isEqualTo(8);
    }

    @Test
    void jitteredWaitsStayWithinTheirCeilingAndHonourRetryAfter() throws Exception {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 8);
        Random r = new Random(11);
        for (int f = 1; f <= 10; f++) {
            for (int i = 0; i < 200; i++) {
                assertThat(p.delay(f, r)).isBetween(Duration.ZERO, p.ceiling(f));
            }
        }
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
        server.enqueue(receipt(201));
        RandomGenerator lowest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        assertThat(delivery(pki.identity(SITE, List.of()), Duration.ofSeconds(5), lowest).deliver(batch))
                .isEqualTo(BatchState.ACKNOWLEDGED);
        assertThat(waits).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void aSealedFileThatChangedIsNotSent() throws Exception {
        byte[] changed = body.clone();
        changed[1000] ^= 1;
        Files.write(batch.file(), changed);

        assertThat(delivery().deliver(batch)).isEqualTo(BatchState.STOPPED);
        assertThat(state.batch(batch.batchId()).orElseThrow().lastError()).startsWith("AG-3005");
        assertThat(server.getRequestCount()).isZero();
    }
}
