package org.openrom.agent.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The site's PKCS#12 keystore ({@code site.p12}, ADR 0004): alias {@code site} holds the site key with its
 * certificate chain (a self-signed placeholder until the issued certificate is imported), {@code site-next} a
 * new key during a rotation, {@code link} the 256-bit linkage secret K_link. Saved by writing a temporary file,
 * forcing it to disk and renaming it over the old one, so a crash leaves either the old or the new keystore.
 */
public final class SiteKeystore {
    public static final String SITE = "site";
    public static final String NEXT = "site-next";
    public static final String LINK = "link";

    private final Path file;
    private final char[] password;
    private final KeyStore store;

    private SiteKeystore(Path file, char[] password, KeyStore store) {
        this.file = file;
        this.password = password.clone();
        this.store = store;
    }

    /** Opens the keystore, or an empty one if the file does not exist yet. */
    public static SiteKeystore open(Path file, char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, password);
                }
            } else {
                ks.load(null, password);
            }
            return new SiteKeystore(file, password, ks);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open keystore " + file + " (wrong password or damaged file): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open keystore " + file, e);
        }
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public Path file() {
        return file;
    }

    /** The key under {@code alias}, or null. */
    public @Nullable PrivateKey privateKey(String alias) throws GeneralSecurityException {
        return store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey k ? k : null;
    }

    /** The certificate chain under {@code alias} (leaf first), or an empty array. */
    public X509Certificate[] chain(String alias) throws GeneralSecurityException {
        Certificate[] chain = store.getCertificateChain(alias);
        return chain == null ? new X509Certificate[0]
                : Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    }

    /** K_link, or null when none has been made. */
    public @Nullable SecretKey linkKey() throws GeneralSecurityException {
        return store.isKeyEntry(LINK) && store.getKey(LINK, password) instanceof SecretKey k
                ? new SecretKeySpec(k.getEncoded(), "HmacSHA256") : null;
    }

    /** Makes K_link if there is none; an existing K_link is never replaced. @return true if made now */
    public boolean ensureLinkKey(SecureRandom random) throws GeneralSecurityException {
        if (linkKey() != null) {
            return false;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        store.setEntry(LINK, new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA256")),
                new KeyStore.PasswordProtection(password));
        return true;
    }

    /** Makes a new EC P-256 key under {@code alias} with a self-signed placeholder certificate. */
    public KeyPair newKey(String alias, String siteId, Instant now, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair kp = g.generateKeyPair();
        store.setKeyEntry(alias, kp.getPrivate(), password, new Certificate[] {placeholder(kp, siteId, now, random)});
        return kp;
    }

    /** Puts an issued chain on the key under {@code from} and stores it as {@code site}; drops {@code from}. */
    public void install(String from, X509Certificate[] chain) throws GeneralSecurityException {
        PrivateKey key = privateKey(from);
        if (key == null) {
            throw new IllegalStateException("no key under " + from);
        }
        store.setKeyEntry(SITE, key, password, chain);
        if (!from.equals(SITE)) {
            store.deleteEntry(from);
        }
    }

    /** Writes the keystore: temporary file, fsync, atomic rename; owner-only permissions. */
    public void save() throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            store.store(out, password);
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when the certificate under {@code alias} is our own placeholder (not yet issued by the CA). */
    public boolean isPlaceholder(String alias) throws GeneralSecurityException {
        X509Certificate[] chain = chain(alias);
        return chain.length == 1 && chain[0].getIssuerX500Principal().equals(chain[0].getSubjectX500Principal());
    }

    private static X509Certificate placeholder(KeyPair kp, String siteId, Instant now, SecureRandom random)
            throws GeneralSecurityException {
        try {
            var name = Names.site(siteId);
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).abs().add(BigInteger.ONE),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, kp.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
