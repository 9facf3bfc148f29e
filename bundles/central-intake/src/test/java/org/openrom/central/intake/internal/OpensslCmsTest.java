package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format is standard, not ours (issue 5, item 7): {@code openssl cms} decrypts and verifies a batch built
 * with Bouncy Castle given the collator key and the CA, and verifies the intake's receipt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpensslCmsTest {
    Path dir;
    TestPki pki;
    TestPki.TestSite site;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        assumeTrue(run(dir, "openssl", "version").startsWith("OpenSSL 3"), "needs OpenSSL 3 (reads AuthEnvelopedData)");
        this.dir = dir;
        pki = new TestPki(dir.resolve("collator"));
        site = pki.site("RXO01");
        Files.writeString(dir.resolve("collator.key"), Certificates.pem(pki.keys.collatorKey()));
        Files.writeString(dir.resolve("collator.crt"), Certificates.pem(pki.keys.collatorCert()));
        Files.writeString(dir.resolve("ca.crt"), Certificates.pem(pki.keys.caCert()));
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }

    /**
     * Finding (OpenSSL 3.0.19 here): with the encrypted content type id-signedData, as ADR 0004 words it, RFC 5083
     * requires authAttrs (Bouncy Castle enforces it) and {@code openssl cms} then fails to parse the AuthEnvelopedData
     * ("Field=mac … wrong tag"). This test records that, so that the day it passes the ADR's form can be used as is.
     */
    @Test
    void opensslThreeZeroCannotParseTheAuthAttrsThatIdSignedDataRequires() throws Exception {
        TestBatch batch = new TestBatch(pki, site).patients(1, 3);
        Files.write(dir.resolve("A.p7m"), TestBatch.encrypt(false, batch.signed(), pki.keys.collatorCert()));
        Process p = new ProcessBuilder("openssl", "cms", "-decrypt", "-inform", "DER", "-in", "A.p7m", "-inkey", "collator.key",
                "-recip", "collator.crt", "-out", "a.der").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() != 0, "this OpenSSL reads authAttrs: the ADR's id-signedData form works with it");
        assertThat(out).contains("Field=mac");
    }

    @Test
    void opensslDecryptsAndVerifiesABatchWithTheCollatorKeyAndTheCa() throws Exception {
        TestBatch batch = new TestBatch(pki, site).patients(2, 1);
        byte[] signed = batch.signed();
        Files.write(dir.resolve("B.p7m"), TestBatch.encrypt(true, signed, pki.keys.collatorCert()));
        run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", "B.p7m", "-inkey", "collator.key", "-recip", "collator.crt",
                "-out", "signed.der");
        assertThat(Files.readAllBytes(dir.resolve("signed.der"))).isEqualTo(signed);
        run(dir, "openssl", "cms", "-verify", "-inform", "DER", "-in", "signed.der", "-CAfile", "ca.crt", "-purpose", "any",
                "-out", "batch.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("batch.zip"))))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("manifest.json", "payload.ndjson.gz");
    }

    @Test
    void opensslVerifiesTheIntakesReceiptAgainstTheCa() throws Exception {
        try (CollatorStore store = pki.openStore()) {
            store.sites().register(site.id(), site.cert(), Instant.now());
        }
        BatchIntake intake = new BatchIntake(pki.files, pki.keys, pki.openStore(), 1 << 20, Clock.systemUTC(), true);
        try (TestServer server = new TestServer(intake, pki.keys, false)) {
            TestBatch batch = new TestBatch(pki, site).patients(1, 2);
            var r = server.put(TestServer.client(pki.keys, site), site.id(), batch.batchId, batch.build());
            assertThat(r.statusCode()).isEqualTo(201);
            Files.write(dir.resolve("receipt.p7s"), r.body());
        } finally {
            intake.close();
        }
        run(dir, "openssl", "cms", "-verify", "-inform", "DER", "-in", "receipt.p7s", "-CAfile", "ca.crt", "-purpose", "any",
                "-out", "receipt.json");
        String receipt = Files.readString(dir.resolve("receipt.json"));
        assertThat(receipt).contains("\"schema\":\"openrom-receipt/1\"").contains("\"site\":\"RXO01\"");
        String printed = run(dir, "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", "receipt.p7s");
        assertThat(printed).contains("rsassaPss");
    }
}
