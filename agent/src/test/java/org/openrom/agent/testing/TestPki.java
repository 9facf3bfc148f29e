package org.openrom.agent.testing;

import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.openrom.agent.keys.CollatorCertificates;
import org.openrom.agent.keys.SiteIdentity;

/** A collaborative CA, a collator certificate and a site certificate, as ADR 0004 describes, for tests. */
public final class TestPki {
    public final HeldCertificate ca;
    public final HeldCertificate collator;
    public final HeldCertificate site;

    public TestPki(String siteId) {
        this(new HeldCertificate.Builder().commonName("OpenROM collaborative CA test").certificateAuthority(0).ecdsa256()
                .build(), siteId);
    }

    public TestPki(HeldCertificate ca, String siteId) {
        this.ca = ca;
        this.collator = new HeldCertificate.Builder().commonName("collator.test").rsa2048().signedBy(ca)
                .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
        this.site = new HeldCertificate.Builder().commonName(siteId).ecdsa256().signedBy(ca).build();
    }

    /** What the agent holds after enrolment. */
    public SiteIdentity identity(String siteId, List<String> pins) {
        CollatorCertificates cc = new CollatorCertificates(ca.certificate(), List.of(collator.certificate()));
        return new SiteIdentity(siteId, site.keyPair().getPrivate(), new X509Certificate[] {site.certificate(), ca.certificate()},
                new SecretKeySpec(new byte[32], "HmacSHA256"), cc, pins.isEmpty() ? cc.pins() : pins);
    }

    /** The collator's TLS server side: its certificate, and trust in the CA for client certificates. */
    public HandshakeCertificates server() {
        return new HandshakeCertificates.Builder().heldCertificate(collator, ca.certificate())
                .addTrustedCertificate(ca.certificate()).build();
    }

    /** A receipt signed as the collator signs it (RSASSA-PSS, SHA-256), or by {@code signer}. */
    public static byte[] receipt(HeldCertificate signer, String json) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        String alg = signer.keyPair().getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSAandMGF1" : "SHA256withECDSA";
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(alg).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(signer.keyPair().getPrivate()), signer.certificate()));
        return gen.generate(new CMSProcessableByteArray(json.getBytes(StandardCharsets.UTF_8)), true).getEncoded();
    }

    public static String receiptJson(String site, String batchId, String bodySha256) {
        return "{\"schema\":\"openrom-receipt/1\",\"site\":\"" + site + "\",\"batchId\":\"" + batchId
                + "\",\"sequence\":1,\"bodySha256\":\"" + bodySha256 + "\",\"payloadSha256\":\"00\",\"received\":\""
                + Instant.now() + "\",\"stored\":{}}";
    }

    /** Issues a certificate for a CSR, as the collator operator would; {@code days} of validity from {@code from}. */
    public static X509Certificate issue(HeldCertificate ca, Path csrPem, Instant from, int days) throws Exception {
        PKCS10CertificationRequest csr;
        try (Reader r = Files.newBufferedReader(csrPem); PEMParser p = new PEMParser(r)) {
            csr = (PKCS10CertificationRequest) p.readObject();
        }
        JcaPKCS10CertificationRequest jcsr = new JcaPKCS10CertificationRequest(csr);
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), BigInteger.valueOf(System.nanoTime()),
                Date.from(from), Date.from(from.plusSeconds(86_400L * days)), csr.getSubject(), csr.getSubjectPublicKeyInfo());
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keyPair().getPrivate())));
    }

    /** Writes the collator bundle (CA, then collator certificates) as PEM. */
    public Path writeBundle(Path file) throws Exception {
        List<String> pems = new ArrayList<>(List.of(ca.certificatePem(), collator.certificatePem()));
        Files.writeString(file, String.join("", pems));
        return file;
    }

    public static HeldCertificate shortLived(HeldCertificate ca, String cn, long seconds) {
        return new HeldCertificate.Builder().commonName(cn).ecdsa256().signedBy(ca).duration(seconds, TimeUnit.SECONDS).build();
    }
}
