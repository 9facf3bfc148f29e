package org.openrom.central.intake.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.central.intake.internal.CollatorStore.Site;

/**
 * Who is sending: the TLS client certificate must chain to the collaborative CA, be valid now, name a
 * registered site that is not revoked (the certificate registered for it), and that site must be the one in
 * the path. Any failure is 403. The TLS layer checks the chain too (trust store = the CA); this is the second,
 * application-level check, with a reason.
 */
final class ClientIdentity {
    private final X509Certificate ca;
    private final SiteRegistry sites;

    ClientIdentity(X509Certificate ca, SiteRegistry sites) {
        this.ca = ca;
        this.sites = sites;
    }

    /** @return the verified client certificate */
    X509Certificate check(X509Certificate @Nullable [] chain, String pathSite, Instant now) throws IntakeException, SQLException {
        if (chain == null || chain.length == 0) {
            throw new IntakeException(ErrorCode.NO_CLIENT_CERTIFICATE,
                    "no TLS client certificate: connect with the site certificate the collator issued");
        }
        X509Certificate client = chain[0];
        String subject = client.getSubjectX500Principal().getName();
        if (!client.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new IntakeException(ErrorCode.CERTIFICATE_NOT_FROM_CA, "client certificate " + subject
                    + " is issued by " + client.getIssuerX500Principal().getName() + ", not by this collator's CA");
        }
        try {
            client.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IntakeException(ErrorCode.CERTIFICATE_NOT_FROM_CA,
                    "client certificate " + subject + " is not signed by this collator's CA");
        }
        try {
            client.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IntakeException(ErrorCode.CERTIFICATE_NOT_VALID_NOW, "client certificate " + subject
                    + " is valid from " + client.getNotBefore().toInstant() + " to " + client.getNotAfter().toInstant()
                    + ", not at " + now);
        }
        String cn = Certificates.commonName(client.getSubjectX500Principal());
        if (!cn.equals(pathSite)) {
            throw new IntakeException(ErrorCode.CLIENT_NOT_PATH_SITE,
                    "client certificate is for site '" + cn + "', but the path names site '" + pathSite + "'");
        }
        Optional<Site> site = sites.find(cn);
        if (site.isEmpty()) {
            throw new IntakeException(ErrorCode.UNKNOWN_SITE, "site '" + cn + "' is not registered with this collator");
        }
        if (!site.get().active()) {
            throw new IntakeException(ErrorCode.SITE_REVOKED, "site '" + cn + "' was revoked on " + site.get().revoked());
        }
        if (!site.get().certSha256().equals(Certificates.sha256(client))) {
            throw new IntakeException(ErrorCode.UNKNOWN_SITE, "client certificate (serial "
                    + client.getSerialNumber().toString(16) + ") is not the certificate registered for site '" + cn
                    + "' (serial " + site.get().certSerial() + ")");
        }
        return client;
    }
}
