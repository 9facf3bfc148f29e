package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake over real HTTPS on loopback with client certificates, batches built with Bouncy Castle per ADR 0004. The
 * store is SQLite in the data folder; {@link PostgresIntakeHttpsTest} runs every test again with a {@code jdbc-url}
 * file naming a real PostgreSQL server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeHttpsTest {
    Path dir;

    TestPki pki;
    TestPki.TestSite a;
    TestPki.TestSite b;
    BatchIntake intake;
    TestServer strict;
    TestServer permissive;
    HttpClient asA;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        pki = new TestPki(dir.resolve("collator"));
        String url = jdbcUrl(dir);
        if (url != null) {
            CollatorFiles.writePrivate(pki.files.jdbcUrlFile(), (url + "\n").getBytes(StandardCharsets.UTF_8));
        }
        a = pki.site("RXA01");
        b = pki.site("RXB02");
        try (CollatorStore s = pki.openStore()) {
            s.sites().register(a.id(), a.cert(), Instant.now());
            s.sites().register(b.id(), b.cert(), Instant.now());
        }
        intake = new BatchIntake(pki.files, pki.keys, pki.openStore(), 2 * 1024 * 1024, Clock.systemUTC(), true);
        strict = new TestServer(intake, pki.keys, false);
        permissive = new TestServer(intake, pki.keys, true);
        asA = TestServer.client(pki.keys, a);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {strict, permissive}) {
            if (c != null) {
                c.close();
            }
        }
        if (intake != null) {
            intake.close();
        }
        closeDatabase();
    }

    /** The store's JDBC URL, written to the data folder's {@code jdbc-url} file; null: SQLite in the data folder. */
    String jdbcUrl(Path dir) throws Exception {
        return null;
    }

    void closeDatabase() throws Exception {}

    private static String code(HttpResponse<byte[]> r) throws IOException {
        JsonNode n = TestBatch.JSON.readTree(r.body());
        return n.get("code").asText() + " " + n.get("message").asText();
    }

    private long batches(String batchId) throws Exception {
        return intake.store().count("batch", a.id(), batchId) + intake.store().count("batch", b.id(), batchId);
    }

    @Test
    void storesABatchAndAnswers201WithAReceiptSignedByTheCollatorWithRsaPss() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(3, 1);
        byte[] body = batch.build();
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, body);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pkcs7-mime"));

        CMSSignedData receipt = new CMSSignedData(r.body());
        SignerInformation signer = receipt.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.BC).build(pki.keys.collatorCert())))
                .isTrue();
        assertThat(signer.getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        JsonNode json = TestBatch.JSON.readTree((byte[]) receipt.getSignedContent().getContent());
        assertThat(json.get("schema").asText()).isEqualTo("openrom-receipt/1");
        assertThat(json.get("site").asText()).isEqualTo(a.id());
        assertThat(json.get("batchId").asText()).isEqualTo(batch.batchId);
        assertThat(json.get("sequence").asLong()).isEqualTo(1);
        assertThat(json.get("bodySha256").asText()).isEqualTo(Hex.sha256(body));
        assertThat(json.get("stored").get("QuestionnaireResponse").asLong()).isEqualTo(3);
        assertThat(intake.store().count("record", a.id(), batch.batchId)).isEqualTo(15);
    }

    @Test
    void sitePseudonymsAreReplacedByCentralOnesAndNeverStored() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(2, 2);
        String pSite = batch.lines.get(0).replaceAll(".*\"id\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(strict.put(asA, a.id(), batch.batchId, batch.build()).statusCode()).isEqualTo(201);
        String pCentral = new Pseudonyms(pki.keys.central()).central(pSite);
        try (Connection c = DriverManager.getConnection(pki.files.jdbcUrl());
                ResultSet rs = c.createStatement().executeQuery("SELECT resource_type, resource_id, patient, body FROM record"
                        + " WHERE batch_id = '" + batch.batchId + "'")) {
            int withPatient = 0;
            while (rs.next()) {
                assertThat(rs.getString(4)).doesNotContain(pSite);
                if (pCentral.equals(rs.getString(3))) {
                    withPatient++;
                    assertThat(rs.getString(4)).contains(pCentral);
                }
            }
            assertThat(withPatient).isEqualTo(5);
        }
    }

    @Test
    void theOpensslReadableFormIdDataAroundTheSignedDataIsAcceptedToo() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 30);
        batch.opensslForm = true;
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, batch.build());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }

    @Test
    void theSameBytesAgainAnswer200WithTheSameReceiptAndStoreNothingNew() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 3);
        byte[] body = batch.build();
        HttpResponse<byte[]> first = strict.put(asA, a.id(), batch.batchId, body);
        HttpResponse<byte[]> again = strict.put(asA, a.id(), batch.batchId, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(batches(batch.batchId)).isEqualTo(1);
    }

    @Test
    void otherBytesUnderAStoredBatchIdAre409AndKeptInQuarantine() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 4);
        byte[] original = batch.build();
        assertThat(strict.put(asA, a.id(), batch.batchId, original).statusCode()).isEqualTo(201);
        batch.patients(1, 5);
        byte[] other = batch.build();
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, other);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).startsWith("CI-1501");
        Path q = pki.files.quarantine().resolve(a.id()).resolve(batch.batchId + "-" + Hex.sha256(other) + ".p7m");
        assertThat(q).exists();
        assertThat(Files.readAllBytes(q)).isEqualTo(other);
        assertThat(intake.store().batch(a.id(), batch.batchId).orElseThrow().bodySha256()).isEqualTo(Hex.sha256(original));
        assertThat(intake.store().events()).anyMatch(e -> e.kind().equals("CONFLICT") && e.batchId().equals(batch.batchId));
    }

    @Test
    void aFlippedByteInTheCiphertextOrTheTagIs400AndStoresNothing() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(2, 6);
        byte[] body = batch.build();
        for (int offset : new int[] {body.length - 3, body.length - 40, body.length / 2 + 200}) {
            byte[] bad = body.clone();
            bad[offset] ^= 0x01;
            HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, bad);
            assertThat(r.statusCode()).as("flip at %d of %d", offset, body.length).isEqualTo(400);
            assertThat(code(r)).as("flip at %d", offset).matches("CI-120[14] .*");
        }
        assertThat(batches(batch.batchId)).isZero();
        assertThat(strict.put(asA, a.id(), batch.batchId, body).statusCode()).isEqualTo(201);
    }

    @Test
    void aBatchEncryptedForAnotherCollatorIs400() throws Exception {
        TestPki other = TestPki.other(dir.resolve("other-collator"));
        TestBatch batch = new TestBatch(pki, a).patients(1, 7);
        batch.recipientCert = other.keys.collatorCert();
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, batch.build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).startsWith("CI-1203");
    }

    @Test
    void aManifestNamingAnotherRecipientIs400() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 8);
        batch.manifestEdit = m -> m.with("recipient").put("collator", "Production Collator");
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, batch.build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).startsWith("CI-1304");
        assertThat(batches(batch.batchId)).isZero();
    }

    @Test
    void aBatchSignedByAnotherSiteThanTheTlsClientIs403() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 9);
        batch.signerKey = b.key().getPrivate();
        batch.signerCert = b.cert();
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, batch.build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).startsWith("CI-1107");
    }

    @Test
    void aManifestNamingAnotherSiteIs403AndThePathMustNameTheClient() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 10);
        batch.manifestEdit = m -> m.put("site", b.id());
        HttpResponse<byte[]> r = strict.put(asA, a.id(), batch.batchId, batch.build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).startsWith("CI-1108");
        HttpResponse<byte[]> misrouted = strict.put(asA, b.id(), batch.batchId, batch.build());
        assertThat(misrouted.statusCode()).isEqualTo(403);
        assertThat(code(misrouted)).startsWith("CI-1106");
    }

    @Test
    void unknownAndRevokedSitesAre403() throws Exception {
        TestPki.TestSite unknown = pki.site("RXU99");
        TestBatch u = new TestBatch(pki, unknown).patients(1, 11);
        HttpResponse<byte[]> r = strict.put(TestServer.client(pki.keys, unknown), unknown.id(), u.batchId, u.build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).startsWith("CI-1104");

        TestPki.TestSite revoked = pki.site("RXR77");
        intake.store().sites().register(revoked.id(), revoked.cert(), Instant.now());
        assertThat(intake.store().sites().revoke(revoked.id(), Instant.now())).isTrue();
        TestBatch v = new TestBatch(pki, revoked).patients(1, 12);
        HttpResponse<byte[]> rv = strict.put(TestServer.client(pki.keys, revoked), revoked.id(), v.batchId, v.build());
        assertThat(rv.statusCode()).isEqualTo(403);
        assertThat(code(rv)).startsWith("CI-1105");
    }

    @Test
    void anExpiredClientCertificateFailsTheHandshakeAndIs403WhenTlsLetsItThrough() throws Exception {
        TestPki.TestSite expired = pki.expiredSite(a.id());
        TestBatch batch = new TestBatch(pki, expired).patients(1, 13);
        byte[] body = batch.build();
        assertThatThrownBy(() -> strict.put(TestServer.client(pki.keys, expired), a.id(), batch.batchId, body))
                .isInstanceOf(IOException.class);
        HttpResponse<byte[]> r = permissive.put(TestServer.client(pki.keys, expired), a.id(), batch.batchId, body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).startsWith("CI-1103");
        assertThat(batches(batch.batchId)).isZero();
    }

    @Test
    void aCertificateFromAnotherCaFailsTheHandshakeAndIs403WhenTlsLetsItThrough() throws Exception {
        TestPki.TestSite foreign = TestPki.foreignSite(a.id());
        TestBatch batch = new TestBatch(pki, foreign).patients(1, 14);
        byte[] body = batch.build();
        assertThatThrownBy(() -> strict.put(TestServer.client(pki.keys, foreign), a.id(), batch.batchId, body))
                .isInstanceOf(IOException.class);
        HttpResponse<byte[]> r = permissive.put(TestServer.client(pki.keys, foreign), a.id(), batch.batchId, body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).startsWith("CI-1102");
    }

    @Test
    void noClientCertificateFailsTheHandshake() {
        assertThatThrownBy(() -> strict.put(TestServer.client(pki.keys, null), a.id(), "5f0c3c1e-8d5b-4a4e-9a57-0d1f1e2a3b4c",
                new byte[10])).isInstanceOf(IOException.class);
    }

    @Test
    void aBodyOverTheLimitIs413AndNotCmsIs400() throws Exception {
        String id = "5f0c3c1e-8d5b-4a4e-9a57-0d1f1e2a3b4c";
        // A client announcing 3 MiB gets the 413 (decided from Content-Length) before it sends a byte of the body.
        String big;
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) TestServer.sslContext(pki.keys, a).getSocketFactory()
                .createSocket("127.0.0.1", strict.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("PUT /collator/batches/" + a.id() + "/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/pkcs7-mime\r\nContent-Digest: sha-256=:AAAA:\r\nContent-Length: "
                    + (3 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            big = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(big).startsWith("HTTP/1.1 413 ").contains("CI-1002");
        HttpResponse<byte[]> text = strict.put(asA, a.id(), id, "hello, not CMS".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(code(text)).startsWith("CI-1201");
        try (Stream<Path> left = Files.list(pki.files.spool())) {
            assertThat(left).as("spooled bodies are deleted").isEmpty();
        }
    }

    @Test
    void wrongContentTypeIs415AndAMissingOrWrongDigestIs400() throws Exception {
        TestBatch batch = new TestBatch(pki, a).patients(1, 15);
        byte[] body = batch.build();
        String digest = java.util.Base64.getEncoder().encodeToString(Hex.sha256().digest(body));
        HttpResponse<byte[]> type = asA.send(strict.request(a.id(), batch.batchId, body, "application/octet-stream", digest),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(type.statusCode()).isEqualTo(415);
        HttpResponse<byte[]> none = asA.send(strict.request(a.id(), batch.batchId, body, "application/pkcs7-mime", null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(code(none)).startsWith("CI-1003");
        byte[] other = Arrays.copyOf(body, body.length);
        other[10] ^= 1;
        HttpResponse<byte[]> wrong = asA.send(strict.request(a.id(), batch.batchId, other, "application/pkcs7-mime", digest),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(code(wrong)).startsWith("CI-1004");
        assertThat(batches(batch.batchId)).isZero();
    }

    @Test
    void identifyingFieldsUnknownTypesAndWrongCountsAre400WithTheReason() throws Exception {
        TestBatch named = new TestBatch(pki, a).patients(1, 16);
        named.lines.set(0, named.lines.get(0).replace("\"gender\"", "\"name\":[{\"family\":\"Khan\"}],\"gender\""));
        HttpResponse<byte[]> r = strict.put(asA, a.id(), named.batchId, named.build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).startsWith("CI-1403").contains("line 1").contains("Patient.name").doesNotContain("Khan");

        TestBatch postcode = new TestBatch(pki, a).patients(1, 23);
        postcode.lines.set(0, postcode.lines.get(0).replace("\"postalCode\":\"LS6\"", "\"postalCode\":\"LS6 1AA\""));
        HttpResponse<byte[]> full = strict.put(asA, a.id(), postcode.batchId, postcode.build());
        assertThat(full.statusCode()).isEqualTo(400);
        assertThat(code(full)).startsWith("CI-1403").contains("outward code").doesNotContain("1AA");

        TestBatch nhs = new TestBatch(pki, a).patients(1, 24);
        nhs.lines.set(0, nhs.lines.get(0).replaceFirst("\"value\":\"[0-9a-f]{64}\"", "\"value\":\"9990000018\""));
        HttpResponse<byte[]> number = strict.put(asA, a.id(), nhs.batchId, nhs.build());
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(code(number)).startsWith("CI-1403").contains("Patient.identifier").doesNotContain("9990000018");

        TestBatch nested = new TestBatch(pki, a).patients(1, 17);
        nested.lines.set(3, nested.lines.get(3).replace("\"linkId\":\"q1\"", "\"linkId\":\"q1\",\"text\":\"free text\""));
        assertThat(code(strict.put(asA, a.id(), nested.batchId, nested.build()))).startsWith("CI-1403").contains("line 4");

        TestBatch unknown = new TestBatch(pki, a).patients(1, 18);
        unknown.lines.add("{\"resourceType\":\"Practitioner\",\"id\":\"x\"}");
        assertThat(code(strict.put(asA, a.id(), unknown.batchId, unknown.build()))).startsWith("CI-1402");

        TestBatch counts = new TestBatch(pki, a).patients(2, 19);
        counts.manifestEdit = m -> m.with("counts").put("Observation", 5);
        assertThat(code(strict.put(asA, a.id(), counts.batchId, counts.build()))).startsWith("CI-1308");

        TestBatch hash = new TestBatch(pki, a).patients(1, 20);
        hash.manifestEdit = m -> m.with("payload").put("sha256", "0".repeat(64));
        assertThat(code(strict.put(asA, a.id(), hash.batchId, hash.build()))).startsWith("CI-1306");

        TestBatch schema = new TestBatch(pki, a).patients(1, 21);
        schema.manifestEdit = m -> m.put("schema", "openrom-batch/2");
        assertThat(code(strict.put(asA, a.id(), schema.batchId, schema.build()))).startsWith("CI-1303");
        for (TestBatch t : new TestBatch[] {named, postcode, nhs, nested, unknown, counts, hash, schema}) {
            assertThat(batches(t.batchId)).isZero();
            assertThat(intake.store().count("record", a.id(), t.batchId)).isZero();
        }
    }

    @Test
    void sequenceGapsAreStoredAndRecordedNotRefused() throws Exception {
        TestBatch first = new TestBatch(pki, b).patients(1, 22);
        first.sequence = 1;
        TestBatch third = new TestBatch(pki, b).patients(1, 23);
        third.sequence = 3;
        HttpClient asB = TestServer.client(pki.keys, b);
        assertThat(strict.put(asB, b.id(), first.batchId, first.build()).statusCode()).isEqualTo(201);
        assertThat(strict.put(asB, b.id(), third.batchId, third.build()).statusCode()).isEqualTo(201);
        assertThat(intake.store().events()).anyMatch(e -> e.kind().equals("SEQUENCE_GAP") && e.batchId().equals(third.batchId)
                && e.detail().contains("expected sequence 2, got 3"));
        HttpResponse<String> health = asB.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://127.0.0.1:" + strict.port + "/collator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("SEQUENCE_GAP").contains("\"lastSequence\" : 3");
        // Another site's certificate sees only that site: not B, nor B's events.
        HttpResponse<String> asSeenByA = TestServer.client(pki.keys, a).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://127.0.0.1:" + strict.port + "/collator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asSeenByA.statusCode()).isEqualTo(200);
        assertThat(asSeenByA.body()).contains("\"site\" : \"" + a.id() + "\"").doesNotContain(b.id())
                .doesNotContain(third.batchId);
    }
}
