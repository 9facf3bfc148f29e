package org.openrom.central.intake.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** A collator made by the production code ({@code CollatorKeys.create}) and sites with their keys and certificates. */
final class TestPki {
    /** A site: its key and the certificate the collator issued. */
    record TestSite(String id, KeyPair key, X509Certificate cert) {}

    final CollatorFiles files;
    final CollatorKeys keys;

    TestPki(Path dir) throws IOException {
        this.files = new CollatorFiles(dir);
        this.keys = CollatorKeys.create(files, "Test Collator", List.of("localhost", "127.0.0.1"), Instant.now());
    }

    private TestPki(CollatorFiles files, CollatorKeys keys) {
        this.files = files;
        this.keys = keys;
    }

    /** The collator that {@code openrom collator init} made in {@code dir}. */
    static TestPki load(Path dir) throws IOException {
        CollatorFiles files = new CollatorFiles(dir);
        return new TestPki(files, CollatorKeys.load(files));
    }

    /** A site key and a certificate issued from its CSR, as {@code collator register-site} does (not yet registered). */
    TestSite site(String id) throws Exception {
        KeyPair key = Certificates.ecP256();
        String csr = Certificates.pem(new JcaPKCS10CertificationRequestBuilder(name(id), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Certificates.BC).build(key.getPrivate())));
        return new TestSite(id, key, SiteCertificates.issue(keys, id, csr, 365, Instant.now()));
    }

    /** A site certificate from this CA whose validity ended yesterday. */
    TestSite expiredSite(String id) {
        KeyPair key = Certificates.ecP256();
        Instant now = Instant.now();
        return new TestSite(id, key, Certificates.issue(name(id), key.getPublic(), keys.caCert(), keys.caKey(),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), Certificates.Role.CLIENT, List.of()));
    }

    /** A site certificate from another CA, with the same subject. */
    static TestSite foreignSite(String id) {
        KeyPair ca = Certificates.ecP256();
        Instant now = Instant.now();
        X509Certificate caCert = Certificates.issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Other CA").build(),
                ca.getPublic(), null, ca.getPrivate(), now.minusSeconds(60), now.plus(Duration.ofDays(10)), Certificates.Role.CA, List.of());
        KeyPair key = Certificates.ecP256();
        return new TestSite(id, key, Certificates.issue(name(id), key.getPublic(), caCert, ca.getPrivate(),
                now.minusSeconds(60), now.plus(Duration.ofDays(10)), Certificates.Role.CLIENT, List.of()));
    }

    static X500Name name(String id) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, id).addRDN(BCStyle.O, "OpenROM site").build();
    }

    CollatorStore openStore() throws Exception {
        return CollatorStore.open(files.jdbcUrl());
    }

    /** A second collator (another CA and key) in its own folder. */
    static TestPki other(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new TestPki(dir);
    }
}
