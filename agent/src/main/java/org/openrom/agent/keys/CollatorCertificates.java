package org.openrom.agent.keys;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The collator's certificate bundle ({@code openrom collator export-certs}): the collaborative CA (self-signed,
 * a CA) and the collator certificate(s) it issued — the current one and, during a rotation, the next. The agent
 * trusts only the CA and pins the collator certificates' keys (ADR 0004).
 */
public record CollatorCertificates(X509Certificate ca, List<X509Certificate> collators) {
    public CollatorCertificates {
        collators = List.copyOf(collators);
        if (collators.isEmpty()) {
            throw new IllegalArgumentException("no collator certificate issued by " + ca.getSubjectX500Principal());
        }
    }

    /**
     * Splits a bundle into the CA and the certificates it issued.
     *
     * @throws IllegalArgumentException when there is not exactly one self-signed CA, or a certificate does not
     *     chain to it
     */
    public static CollatorCertificates of(Collection<X509Certificate> bundle) {
        List<X509Certificate> cas = new ArrayList<>();
        List<X509Certificate> issued = new ArrayList<>();
        for (X509Certificate c : bundle) {
            (isSelfSignedCa(c) ? cas : issued).add(c);
        }
        if (cas.size() != 1) {
            throw new IllegalArgumentException("the collator bundle must hold exactly one self-signed CA certificate, found "
                    + cas.size());
        }
        X509Certificate ca = cas.get(0);
        for (X509Certificate c : issued) {
            if (!issuedBy(c, ca)) {
                throw new IllegalArgumentException("collator certificate " + c.getSubjectX500Principal()
                        + " is not issued by the CA " + ca.getSubjectX500Principal());
            }
        }
        return new CollatorCertificates(ca, issued);
    }

    /** The pins of the collator certificates, current first. */
    public List<String> pins() {
        return collators.stream().map(Pins::pin).toList();
    }

    /** CA first, then the collator certificates. */
    public List<X509Certificate> all() {
        List<X509Certificate> all = new ArrayList<>();
        all.add(ca);
        all.addAll(collators);
        return all;
    }

    /** The collator's CN (the manifest's recipient name). */
    public String collatorName() {
        return Names.commonName(collators.get(0));
    }

    static boolean issuedBy(X509Certificate cert, X509Certificate ca) {
        if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isSelfSignedCa(X509Certificate c) {
        return c.getBasicConstraints() >= 0 && issuedBy(c, c);
    }
}
