package org.openrom.agent.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * What sealing and delivery need, loaded from the keystore and the stored collator bundle: the site key and its
 * issued chain (leaf first), K_link, the collator certificates and the pins in force.
 */
public record SiteIdentity(
        String siteId,
        PrivateKey key,
        X509Certificate[] chain,
        SecretKey linkKey,
        CollatorCertificates collator,
        List<String> pins) {

    public X509Certificate certificate() {
        return chain[0];
    }

    /**
     * Loads the identity of an enrolled site.
     *
     * @param configuredPins pins from the configuration; when empty, the pins of the stored collator certificates
     * @throws IllegalArgumentException when the site is not enrolled, or its certificate is not imported yet
     */
    public static SiteIdentity load(String siteId, Path keystore, char[] password, Path collatorBundle,
            List<String> configuredPins) throws IOException {
        if (!Files.exists(keystore)) {
            throw new IllegalArgumentException("no site keystore at " + keystore + "; run 'openrom agent enrol' first");
        }
        if (!Files.exists(collatorBundle)) {
            throw new IllegalArgumentException("no collator certificates at " + collatorBundle
                    + "; run 'openrom agent enrol --import-cert site.crt --collator-certs collator-certs.pem'");
        }
        SiteKeystore ks = SiteKeystore.open(keystore, password);
        try {
            PrivateKey key = ks.privateKey(SiteKeystore.SITE);
            SecretKey link = ks.linkKey();
            if (key == null || link == null) {
                throw new IllegalArgumentException("keystore " + keystore + " has no site key or no link key; run 'openrom agent enrol'");
            }
            if (ks.isPlaceholder(SiteKeystore.SITE)) {
                throw new IllegalArgumentException("the site certificate has not been imported yet; run "
                        + "'openrom agent enrol --import-cert site.crt --collator-certs collator-certs.pem'");
            }
            CollatorCertificates collator = CollatorCertificates.of(Pem.readCertificates(collatorBundle));
            return new SiteIdentity(siteId, key, ks.chain(SiteKeystore.SITE), link, collator,
                    configuredPins.isEmpty() ? collator.pins() : List.copyOf(configuredPins));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read keystore " + keystore, e);
        }
    }
}
