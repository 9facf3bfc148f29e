package org.openrom.agent.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0004: anyone with the collator key and the CA certificate opens a batch with standard `openssl cms`. */
class OpensslInteropTest {

    @TempDir
    static Path dir;

    static SealFixture fixture;
    static SealedBatch sealed;

    @BeforeAll
    static void seal() throws Exception {
        assumeTrue(openssl("version").exit == 0, "openssl is not installed on this machine: test skipped");
        fixture = new SealFixture(dir, 3, 3);
        sealed = new Sealer().seal(fixture.request(dir.resolve("out")).build());
        SealPki.pem(dir.resolve("collator.key"), fixture.pki.collator.getPrivate());
        SealPki.pem(dir.resolve("collator.crt"), fixture.pki.collatorCert);
        SealPki.pem(dir.resolve("ca.crt"), fixture.pki.caCert);
        SealPki.pem(dir.resolve("site.crt"), fixture.pki.siteCert);
    }

    @Test
    void opensslDecryptsVerifiesAndUnzipsTheBatch() throws Exception {
        Result decrypt = openssl("cms", "-decrypt", "-inform", "DER", "-in", sealed.file().toString(), "-inkey",
                dir.resolve("collator.key").toString(), "-recip", dir.resolve("collator.crt").toString(), "-out",
                dir.resolve("signed.der").toString());
        assertThat(decrypt.exit).as(decrypt.output).isZero();
        Result verify = openssl("cms", "-verify", "-inform", "DER", "-in", dir.resolve("signed.der").toString(),
                "-CAfile", dir.resolve("ca.crt").toString(), "-purpose", "any", "-out", dir.resolve("batch.zip").toString());
        assertThat(verify.exit).as(verify.output).isZero();
        assertThat(verify.output).contains("Verification successful");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("batch.zip"))))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("manifest.json");
            String manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"batchId\":\"" + sealed.batchId() + "\"")
                    .contains("\"sha256\":\"" + sealed.payloadSha256() + "\"");
            assertThat(zip.getNextEntry().getName()).isEqualTo("payload.ndjson.gz");
            assertThat(OpenedBatch.ndjson(zip.readAllBytes())).contains("\"resourceType\":\"QuestionnaireResponse\"");
        }
    }

    @Test
    void opensslRefusesABatchWithOneByteChanged() throws Exception {
        byte[] b = Files.readAllBytes(sealed.file());
        b[b.length - 200] ^= 0x01;
        Path tampered = Files.write(dir.resolve("tampered.p7m"), b);
        Result decrypt = openssl("cms", "-decrypt", "-inform", "DER", "-in", tampered.toString(), "-inkey",
                dir.resolve("collator.key").toString(), "-recip", dir.resolve("collator.crt").toString(), "-out",
                dir.resolve("tampered.der").toString());
        assertThat(decrypt.exit).as("GCM tag check must fail").isNotZero();
        assertThat(decrypt.output).as("it parsed and failed on decryption, not on the structure")
                .doesNotContain("Error reading").containsIgnoringCase("decrypt");
    }

    record Result(int exit, String output) {}

    static Result openssl(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("openssl"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(p.exitValue(), out);
        } catch (java.io.IOException e) {
            return new Result(127, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }
}
