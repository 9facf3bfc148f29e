package org.openrom.agent.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.testing.MutableClock;
import org.openrom.agent.testing.TestPki;

class EnrolmentTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.now());
    Path keystore;
    Path passwordFile;
    char[] password;
    TestPki pki;
    Enrolment enrolment;

    @BeforeEach
    void setUp() throws Exception {
        keystore = dir.resolve("site.p12");
        passwordFile = dir.resolve("agent.pass");
        assertThat(PasswordFile.createIfAbsent(passwordFile, new SecureRandom())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        password = PasswordFile.read(passwordFile);
        pki = new TestPki("RXX01");
        enrolment = new Enrolment("RXX01", keystore, password, clock, new SecureRandom());
    }

    @Test
    void enrolImportAndRotateRoundTrip() throws Exception {
        enrolment.enrol(dir.resolve("site.csr"));
        SiteKeystore ks = SiteKeystore.open(keystore, password);
        byte[] link = ks.linkKey().getEncoded();
        assertThat(link).hasSize(32);
        assertThat(ks.isPlaceholder(SiteKeystore.SITE)).isTrue();
        assertThat(Files.readString(dir.resolve("site.csr"))).startsWith("-----BEGIN CERTIFICATE REQUEST-----");

        X509Certificate issued = TestPki.issue(pki.ca, dir.resolve("site.csr"), clock.instant(), 395);
        Path crt = writePem(dir.resolve("site.crt"), issued);
        Path bundle = pki.writeBundle(dir.resolve("collator-certs.pem"));
        Path stored = dir.resolve("stored-collator.pem");
        enrolment.importCertificate(crt, bundle, stored, List.of());

        SiteIdentity id = SiteIdentity.load("RXX01", keystore, password, stored, List.of());
        assertThat(id.certificate()).isEqualTo(issued);
        assertThat(id.linkKey().getEncoded()).isEqualTo(link);
        assertThat(id.pins()).containsExactly(Pins.pin(pki.collator.certificate()));
        assertThat(id.collator().ca()).isEqualTo(pki.ca.certificate());

        enrolment.enrol(dir.resolve("again.csr"));
        assertThat(SiteKeystore.open(keystore, password).linkKey().getEncoded()).as("K_link kept").isEqualTo(link);
        assertThat(SiteIdentity.load("RXX01", keystore, password, stored, List.of()).certificate()).isEqualTo(issued);

        enrolment.rotate(dir.resolve("next.csr"));
        SiteIdentity during = SiteIdentity.load("RXX01", keystore, password, stored, List.of());
        assertThat(during.certificate()).as("old certificate in use until the new one is imported").isEqualTo(issued);
        X509Certificate next = TestPki.issue(pki.ca, dir.resolve("next.csr"), clock.instant(), 395);
        enrolment.importCertificate(writePem(dir.resolve("next.crt"), next), bundle, stored, List.of());
        SiteIdentity after = SiteIdentity.load("RXX01", keystore, password, stored, List.of());
        assertThat(after.certificate()).isEqualTo(next);
        assertThat(after.key()).isNotEqualTo(during.key());
        assertThat(after.linkKey().getEncoded()).as("K_link survives rotation").isEqualTo(link);
        assertThat(SiteKeystore.open(keystore, password).privateKey(SiteKeystore.NEXT)).isNull();
    }

    @Test
    void importRefusesACertificateForAnotherKeyAnotherCaOrAnotherSite() throws Exception {
        enrolment.enrol(dir.resolve("site.csr"));
        Path bundle = pki.writeBundle(dir.resolve("collator-certs.pem"));
        Path stored = dir.resolve("stored.pem");

        Path otherKey = writePem(dir.resolve("a.crt"), pki.site.certificate());
        assertThatThrownBy(() -> enrolment.importCertificate(otherKey, bundle, stored, List.of()))
                .hasMessageContaining("matches no key");

        HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).ecdsa256().build();
        Path foreign = writePem(dir.resolve("b.crt"), TestPki.issue(otherCa, dir.resolve("site.csr"), clock.instant(), 30));
        assertThatThrownBy(() -> enrolment.importCertificate(foreign, bundle, stored, List.of()))
                .hasMessageContaining("not issued by the collaborative CA");

        Enrolment other = new Enrolment("RYY02", keystore, password, clock, new SecureRandom());
        Path good = writePem(dir.resolve("c.crt"), TestPki.issue(pki.ca, dir.resolve("site.csr"), clock.instant(), 30));
        assertThatThrownBy(() -> other.importCertificate(good, bundle, stored, List.of()))
                .hasMessageContaining("names site 'RXX01', not RYY02");

        assertThatThrownBy(() -> enrolment.importCertificate(good, bundle, stored, List.of("sha256/" + "A".repeat(43) + "=")))
                .hasMessageContaining("matches no collator certificate");
        assertThat(Files.exists(stored)).isFalse();
        assertThatThrownBy(() -> SiteIdentity.load("RXX01", keystore, password, stored, List.of()))
                .hasMessageContaining("no collator certificates");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PasswordFile.read(passwordFile)).hasMessageContaining("readable by others")
                .hasMessageContaining("rw-r--r--");
    }

    @Test
    void aWrongPasswordIsNamedNotAStackTrace() throws Exception {
        enrolment.enrol(dir.resolve("site.csr"));
        assertThatThrownBy(() -> SiteKeystore.open(keystore, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong password");
    }

    private static Path writePem(Path file, X509Certificate cert) throws Exception {
        Pem.write(file, List.of(cert));
        return file;
    }
}
