package org.openrom.agent.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealing streams: a child JVM with a 64 MiB heap seals 50,000 responses whose NDJSON payload is several times
 * larger than that heap (checked by streaming the batch open again here), so no stage can have held the payload.
 * {@code -Dseal.memory.rows=N} changes the size.
 */
class StreamingMemoryTest {

    @TempDir
    Path dir;

    @Test
    void sealsFiftyThousandResponsesInA64MiBHeap() throws Exception {
        int rows = Integer.getInteger("seal.memory.rows", 50_000);
        Path db = dir.resolve("site.db");
        new SyntheticSite(11).bulk(db, rows, 10, Instant.now().minusSeconds(3600));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                SealChild.class.getName(), db.toString(), out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile())
                .start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("child finished").isTrue();
        String printed = Files.readString(dir.resolve("child.out"));
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).contains("rows " + rows);
        Path sealed = Path.of(printed.lines().filter(l -> l.startsWith("sealed ")).findFirst().orElseThrow().substring(7));
        long ndjsonBytes = payloadBytes(sealed, out);
        assertThat(ndjsonBytes).as("the payload is several times the child's heap").isGreaterThan(3L * 64 * 1024 * 1024);
    }

    /** Streams the batch open (decrypt, parse SignedData, unzip, gunzip) and counts the NDJSON bytes. */
    static long payloadBytes(Path sealed, Path keys) throws Exception {
        java.security.PrivateKey key;
        try (PEMParser pem = new PEMParser(Files.newBufferedReader(keys.resolve("collator.key")))) {
            Object o = pem.readObject();
            key = o instanceof org.bouncycastle.openssl.PEMKeyPair kp ? new JcaPEMKeyConverter().getKeyPair(kp).getPrivate()
                    : new JcaPEMKeyConverter().getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) o);
        }
        try (InputStream file = Files.newInputStream(sealed)) {
            CMSAuthEnvelopedDataParser env = new CMSAuthEnvelopedDataParser(file);
            RecipientInformation ri = env.getRecipientInfos().getRecipients().iterator().next();
            InputStream inner = ri.getContentStream(new JceKeyTransAuthEnvelopedRecipient(key)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())).getContentStream();
            CMSSignedDataParser sp = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(), inner);
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(sp.getSignedContent().getContentStream())) {
                zip.getNextEntry();
                zip.getNextEntry();
                long n = 0;
                try (GZIPInputStream gz = new GZIPInputStream(zip)) {
                    byte[] b = new byte[1 << 16];
                    for (int r; (r = gz.read(b)) > 0; ) {
                        n += r;
                    }
                }
                return n;
            }
        }
    }
}
