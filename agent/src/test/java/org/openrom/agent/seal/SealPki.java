package org.openrom.agent.seal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway collaborative PKI as ADR 0004 describes it: EC P-256 CA, EC P-256 site, RSA-3072 collator. */
public final class SealPki {

    public final KeyPair ca;
    public final X509Certificate caCert;
    public final KeyPair site;
    public final X509Certificate siteCert;
    public final KeyPair collator;
    public final X509Certificate collatorCert;
    public final SecretKey linkKey;

    public SealPki(String siteId) {
        try {
            ca = ec();
            caCert = issue(new X500Name("CN=OpenROM collaborative CA test"), ca.getPublic(), null, ca.getPrivate(), true,
                    KeyUsage.keyCertSign | KeyUsage.cRLSign);
            site = ec();
            siteCert = issue(new X500Name("CN=" + siteId + ",O=OpenROM site"), site.getPublic(), caCert, ca.getPrivate(),
                    false, KeyUsage.digitalSignature);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(3072);
            collator = rsa.generateKeyPair();
            collatorCert = issue(new X500Name("CN=collator.test"), collator.getPublic(), caCert, ca.getPrivate(), false,
                    KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
            byte[] k = new byte[32];
            new java.security.SecureRandom().nextBytes(k);
            linkKey = new SecretKeySpec(k, "HmacSHA256");
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test PKI", e);
        }
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate issue(X500Name subject, PublicKey key, X509Certificate issuer, PrivateKey signer,
            boolean ca, int usage) throws Exception {
        Instant now = Instant.now();
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xFFFF)),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    /** Writes an object as PEM. */
    public static Path pem(Path file, Object o) {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.writeString(file, s.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
