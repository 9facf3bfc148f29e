package org.openrom.agent.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * {@code enrol}, {@code enrol --import-cert} and {@code rotate-key}. The private key never leaves the keystore; an
 * existing K_link is kept (a new one would break the linkage of every young person already sent).
 */
public final class Enrolment {
    private final String siteId;
    private final Path keystore;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random;

    public Enrolment(String siteId, Path keystore, char[] password, Clock clock, SecureRandom random) {
        this.siteId = siteId;
        this.keystore = keystore;
        this.password = password.clone();
        this.clock = clock;
        this.random = random;
    }

    /** What a step did, in lines for the admin. */
    public record Outcome(List<String> lines) {}

    /**
     * Makes the site key and K_link unless they exist, and writes the CSR for the current key (a rerun writes the
     * CSR of the same key again).
     */
    public Outcome enrol(Path csr) throws IOException, GeneralSecurityException {
        SiteKeystore ks = SiteKeystore.open(keystore, password);
        List<String> lines = new ArrayList<>();
        String alias = ks.privateKey(SiteKeystore.NEXT) != null ? SiteKeystore.NEXT : SiteKeystore.SITE;
        if (ks.privateKey(SiteKeystore.SITE) == null) {
            ks.newKey(SiteKeystore.SITE, siteId, clock.instant(), random);
            lines.add("made the site key (EC P-256) in " + keystore);
        } else {
            lines.add("kept the existing site key in " + keystore);
        }
        lines.add(ks.ensureLinkKey(random) ? "made the linkage key K_link" : "kept the existing linkage key K_link");
        ks.save();
        writeCsr(ks, alias, csr);
        lines.add("wrote " + csr + " (send it to the collator operator; read them its fingerprint by phone)");
        lines.add("CSR fingerprint (SHA-256 of the public key): " + Pins.pin(ks.chain(alias)[0]));
        return new Outcome(lines);
    }

    /** Makes a new site key under {@code site-next} and its CSR; the current key stays in use until the import. */
    public Outcome rotate(Path csr) throws IOException, GeneralSecurityException {
        SiteKeystore ks = SiteKeystore.open(keystore, password);
        if (ks.privateKey(SiteKeystore.SITE) == null) {
            throw new IllegalArgumentException("no site key in " + keystore + " to rotate; run 'openrom agent enrol' first");
        }
        KeyPair kp = ks.newKey(SiteKeystore.NEXT, siteId, clock.instant(), random);
        ks.save();
        writeCsr(ks, SiteKeystore.NEXT, csr);
        return new Outcome(List.of("made a new site key (the current one stays in use until its certificate is imported)",
                "wrote " + csr, "CSR fingerprint (SHA-256 of the public key): " + pin(kp.getPublic())));
    }

    /**
     * Imports the issued site certificate: it must be for the new key (after {@code rotate-key}) or the current
     * one, name this site and chain to the CA in the collator bundle. Stores the bundle and reports the pins.
     */
    public Outcome importCertificate(Path siteCert, Path collatorBundle, Path storedBundle, List<String> configuredPins)
            throws IOException, GeneralSecurityException {
        X509Certificate cert = Pem.readCertificates(siteCert).get(0);
        List<X509Certificate> bundle = Pem.readCertificates(collatorBundle);
        CollatorCertificates collator = CollatorCertificates.of(bundle);
        SiteKeystore ks = SiteKeystore.open(keystore, password);
        String alias = matchingAlias(ks, cert.getPublicKey());
        checkIssued(cert, collator.ca());
        for (String pin : configuredPins) {
            if (!collator.pins().contains(pin)) {
                throw new IllegalArgumentException("collator.pins has " + pin + ", which matches no collator certificate in "
                        + collatorBundle + " (its pins: " + String.join(", ", collator.pins()) + ")");
            }
        }
        ks.install(alias, new X509Certificate[] {cert, collator.ca()});
        ks.save();
        Pem.write(storedBundle, collator.all());
        List<String> lines = new ArrayList<>();
        lines.add("imported the site certificate " + cert.getSubjectX500Principal() + ", valid until "
                + cert.getNotAfter().toInstant() + (alias.equals(SiteKeystore.NEXT) ? " (the rotated key is now in use)" : ""));
        lines.add("trusting the CA " + collator.ca().getSubjectX500Principal());
        for (X509Certificate c : collator.collators()) {
            lines.add("collator " + c.getSubjectX500Principal() + " pin " + Pins.pin(c));
        }
        return new Outcome(lines);
    }

    private String matchingAlias(SiteKeystore ks, PublicKey certKey) throws GeneralSecurityException {
        for (String alias : List.of(SiteKeystore.NEXT, SiteKeystore.SITE)) {
            X509Certificate[] chain = ks.chain(alias);
            if (chain.length > 0 && Arrays.equals(chain[0].getPublicKey().getEncoded(), certKey.getEncoded())) {
                return alias;
            }
        }
        throw new IllegalArgumentException("the certificate's public key " + pin(certKey)
                + " matches no key in " + keystore + " (was it issued for another site's CSR?)");
    }

    private void checkIssued(X509Certificate cert, X509Certificate ca) {
        if (!CollatorCertificates.issuedBy(cert, ca)) {
            throw new IllegalArgumentException("the site certificate " + cert.getSubjectX500Principal()
                    + " is not issued by the collaborative CA " + ca.getSubjectX500Principal());
        }
        String cn = Names.commonName(cert);
        if (!cn.equals(siteId)) {
            throw new IllegalArgumentException("the site certificate names site '" + cn + "', not " + siteId);
        }
        try {
            cert.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalArgumentException("the site certificate is not valid now (" + cert.getNotBefore().toInstant()
                    + " to " + cert.getNotAfter().toInstant() + "; is the clock right?)", e);
        }
    }

    private void writeCsr(SiteKeystore ks, String alias, Path csr) throws IOException, GeneralSecurityException {
        PrivateKey key = ks.privateKey(alias);
        X509Certificate placeholder = ks.chain(alias)[0];
        if (key == null) {
            throw new IllegalStateException("no key under " + alias);
        }
        try {
            PKCS10CertificationRequest req = new JcaPKCS10CertificationRequestBuilder(Names.site(siteId),
                    placeholder.getPublicKey()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
            Pem.write(csr, List.of(req));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pin(PublicKey key) {
        return "sha256/" + java.util.Base64.getEncoder().encodeToString(Pins.sha256(key.getEncoded()));
    }
}
