package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure "intake responses stored per second": N batches of M QuestionnaireResponses (each young person also
 * brings a Patient, an EpisodeOfCare, an Encounter and an Observation: 5 resources per response) PUT one after
 * another over HTTPS to a real SQLite store, or with {@code -Dintake.figure.store=postgresql} to a private PostgreSQL
 * cluster ({@link PostgresServer}). Not part of the default build:
 * {@code mvn -B -pl bundles/central-intake test -Dtest=IntakeThroughputHarness -Dintake.figure=true
 * -Dintake.figure.batches=5 -Dintake.figure.responses=10000}.
 */
class IntakeThroughputHarness {
    @TempDir
    Path dir;

    @TempDir
    Path cluster;

    @Test
    void printsResponsesStoredPerSecond() throws Exception {
        assumeTrue(Boolean.getBoolean("intake.figure"), "run with -Dintake.figure=true");
        String store = System.getProperty("intake.figure.store", "sqlite");
        if (!store.equals("sqlite") && !store.equals("postgresql")) {
            throw new IllegalArgumentException("intake.figure.store must be sqlite or postgresql, not '" + store + "'");
        }
        try (PostgresServer postgres = store.equals("postgresql") ? PostgresServer.start(cluster) : null) {
            run(store, postgres);
        }
    }

    private void run(String store, PostgresServer postgres) throws Exception {
        int batches = Integer.getInteger("intake.figure.batches", 5);
        int responses = Integer.getInteger("intake.figure.responses", 10_000);
        TestPki pki = new TestPki(dir);
        TestPki.TestSite site = pki.site("RXF01");
        if (postgres != null) {
            CollatorFiles.writePrivate(pki.files.jdbcUrlFile(), (postgres.createDatabase() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (CollatorStore s = pki.openStore()) {
            s.sites().register(site.id(), site.cert(), Instant.now());
        }
        BatchIntake intake = new BatchIntake(pki.files, pki.keys, pki.openStore(), 1L << 30, Clock.systemUTC(), true);
        try (TestServer server = new TestServer(intake, pki.keys, false)) {
            HttpClient client = TestServer.client(pki.keys, site);
            long nanos = 0;
            long bytes = 0;
            for (int b = 0; b < batches; b++) {
                TestBatch batch = new TestBatch(pki, site).patients(responses, b);
                batch.sequence = b + 1;
                byte[] body = batch.build();
                bytes += body.length;
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = server.put(client, site.id(), batch.batchId, body);
                long t = System.nanoTime() - t0;
                assertThat(r.statusCode()).isEqualTo(201);
                nanos += t;
                System.out.printf("batch %d: %d responses (%d resources, %.1f MB sealed) stored in %.2f s%n", b + 1, responses,
                        responses * 5, body.length / 1e6, t / 1e9);
            }
            double seconds = nanos / 1e9;
            System.out.printf("INTAKE FIGURE (" + store + "): %d batches x %d responses = %d responses (%d resources, %.1f MB) in %.2f s:"
                    + " %.0f responses/s (%.0f resources/s)%n", batches, responses, (long) batches * responses,
                    (long) batches * responses * 5, bytes / 1e6, seconds, batches * responses / seconds, batches * responses * 5 / seconds);
        } finally {
            intake.close();
        }
    }
}
