package org.openrom.central.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The collator's keys from {@code collator.p12} (ADR 0004): the collaborative CA (EC P-256, alias {@code ca}),
 * the collator's RSA-3072 key and certificate (alias {@code collator}: TLS server, CMS key transport, receipt
 * signing) and {@code K_central} (alias {@code central}, HMAC-SHA256). Immutable once loaded; never printed.
 */
public final class CollatorKeys {
    public static final String CA = "ca";
    public static final String COLLATOR = "collator";
    public static final String CENTRAL = "central";

    private final PrivateKey caKey;
    private final X509Certificate caCert;
    private final PrivateKey collatorKey;
    private final X509Certificate collatorCert;
    private final SecretKey central;

    private CollatorKeys(PrivateKey caKey, X509Certificate caCert, PrivateKey collatorKey, X509Certificate collatorCert,
            SecretKey central) {
        this.caKey = caKey;
        this.caCert = caCert;
        this.collatorKey = collatorKey;
        this.collatorCert = collatorCert;
        this.central = central;
    }

    public PrivateKey caKey() {
        return caKey;
    }

    public X509Certificate caCert() {
        return caCert;
    }

    public PrivateKey collatorKey() {
        return collatorKey;
    }

    public X509Certificate collatorCert() {
        return collatorCert;
    }

    public SecretKey central() {
        return central;
    }

    /** The collator's name as the manifest's {@code recipient.collator} gives it: the certificate's CN. */
    public String collatorName() {
        return Certificates.commonName(collatorCert.getSubjectX500Principal());
    }

    /** Loads the keys; an IOException says which file or alias is missing or unreadable. */
    public static CollatorKeys load(CollatorFiles files) throws IOException {
        char[] password = files.password();
        KeyStore ks;
        try (InputStream in = Files.newInputStream(files.keystore())) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no keystore " + files.keystore() + " (run 'openrom collator init' first)", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open " + files.keystore() + ": " + e.getMessage(), e);
        }
        try {
            return new CollatorKeys(privateKey(ks, CA, password), cert(ks, CA), privateKey(ks, COLLATOR, password),
                    cert(ks, COLLATOR), (SecretKey) require(ks.getKey(CENTRAL, password), CENTRAL, files));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(files.keystore() + " does not hold the collator's keys: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(KeyStore ks, String alias, char[] password) throws GeneralSecurityException {
        if (!(ks.getKey(alias, password) instanceof PrivateKey key)) {
            throw new java.security.UnrecoverableKeyException("no private key under alias '" + alias + "'");
        }
        return key;
    }

    private static X509Certificate cert(KeyStore ks, String alias) throws GeneralSecurityException {
        if (!(ks.getCertificate(alias) instanceof X509Certificate c)) {
            throw new java.security.KeyStoreException("no certificate under alias '" + alias + "'");
        }
        return c;
    }

    private static Object require(java.security.@org.jspecify.annotations.Nullable Key key, String alias, CollatorFiles files)
            throws java.security.KeyStoreException {
        if (key == null) {
            throw new java.security.KeyStoreException("no key under alias '" + alias + "' in " + files.keystore());
        }
        return key;
    }

    /**
     * Makes the CA, the collator's key and certificate and K_central, and writes {@code collator.p12},
     * {@code collator.pass} (0600), {@code ca.crt} and {@code collator.crt}. Refuses to overwrite a keystore.
     *
     * @param sans the collator certificate's DNS names and IP addresses
     */
    public static CollatorKeys create(CollatorFiles files, String name, List<String> sans, Instant now) throws IOException {
        if (Files.exists(files.keystore()) || Files.exists(files.passwordFile())) {
            throw new IllegalArgumentException(files.keystore() + " already exists: a collator keeps its keys (remove it by hand to start again)");
        }
        KeyPair ca = Certificates.ecP256();
        X509Certificate caCert = Certificates.issue(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "OpenROM collaborative CA " + name).build(),
                ca.getPublic(), null, ca.getPrivate(), now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(3650)),
                Certificates.Role.CA, List.of());
        KeyPair collator = Certificates.rsa(3072);
        X509Certificate collatorCert = Certificates.issue(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).addRDN(BCStyle.O, "OpenROM collator").build(),
                collator.getPublic(), caCert, ca.getPrivate(), now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(825)),
                Certificates.Role.SERVER, sans);
        byte[] k = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(k);
        byte[] pw = new byte[24];
        random.nextBytes(pw);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw).toCharArray();
        CollatorKeys keys = new CollatorKeys(ca.getPrivate(), caCert, collator.getPrivate(), collatorCert,
                new SecretKeySpec(k, "HmacSHA256"));
        Files.createDirectories(files.dir());
        CollatorFiles.writePrivate(files.passwordFile(), (new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
        CollatorFiles.writePrivate(files.keystore(), new byte[0]);
        try (OutputStream out = Files.newOutputStream(files.keystore())) {
            keys.keyStore(password).store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a PKCS#12 keystore", e);
        }
        Files.writeString(files.caCertificate(), Certificates.pem(caCert));
        Files.writeString(files.collatorCertificate(), Certificates.pem(collatorCert));
        return keys;
    }

    private KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(CA, caKey, password, new Certificate[] {caCert});
        ks.setKeyEntry(COLLATOR, collatorKey, password, new Certificate[] {collatorCert, caCert});
        ks.setEntry(CENTRAL, new KeyStore.SecretKeyEntry(central), new KeyStore.PasswordProtection(password));
        return ks;
    }

    /** The TLS server's key store: the collator key and chain only (the CA key never reaches Jetty). */
    public KeyStore tlsKeyStore(char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(COLLATOR, collatorKey, password, new Certificate[] {collatorCert, caCert});
        return ks;
    }

    /** The TLS trust store for client certificates: the CA certificate only. */
    public KeyStore trustStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry(CA, caCert);
        return ks;
    }

    public List<X509Certificate> chain() {
        return new ArrayList<>(List.of(collatorCert, caCert));
    }

    /** A test seam: keys made in memory. */
    static CollatorKeys of(KeyPair ca, X509Certificate caCert, KeyPair collator, X509Certificate collatorCert, SecretKey central) {
        return new CollatorKeys(ca.getPrivate(), caCert, collator.getPrivate(), collatorCert, central);
    }
}
