package org.openrom.central.intake.internal;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** Issues a site certificate ({@code CN=<site>, O=OpenROM site}, EC P-256, client authentication) from the site's CSR. */
public final class SiteCertificates {
    private SiteCertificates() {}

    /** @throws IllegalArgumentException naming what is wrong with the CSR or the site id */
    public static X509Certificate issue(CollatorKeys keys, String site, String csrPem, int days, Instant now) throws IOException {
        if (!BatchIntake.SITE.matcher(site).matches()) {
            throw new IllegalArgumentException("--site must be 3–12 of A-Z and 0-9 (an ODS-style code), not '" + site + "'");
        }
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("--days must be from 1 to 3650, not " + days);
        }
        List<Object> objects = Certificates.readPem(csrPem);
        if (objects.size() != 1 || !(objects.get(0) instanceof PKCS10CertificationRequest raw)) {
            throw new IllegalArgumentException("the CSR file must hold one PEM 'CERTIFICATE REQUEST'");
        }
        JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(raw).setProvider(Certificates.BC);
        PublicKey key;
        try {
            key = csr.getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Certificates.BC).build(key))) {
                throw new IllegalArgumentException("the CSR's signature does not verify: it was not made with its own key");
            }
        } catch (java.security.GeneralSecurityException | OperatorCreationException | PKCSException e) {
            throw new IllegalArgumentException("cannot read the CSR's key: " + e.getMessage(), e);
        }
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("the CSR's key is " + key.getAlgorithm() + ", not EC P-256 (ADR 0004)");
        }
        RDN[] cn = csr.getSubject().getRDNs(BCStyle.CN);
        if (cn.length > 0 && !IETFUtils.valueToString(cn[0].getFirst().getValue()).equals(site)) {
            throw new IllegalArgumentException("the CSR is for CN=" + IETFUtils.valueToString(cn[0].getFirst().getValue())
                    + ", not for site " + site);
        }
        return Certificates.issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, site).addRDN(BCStyle.O, "OpenROM site").build(),
                key, keys.caCert(), keys.caKey(), now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(days)),
                Certificates.Role.CLIENT, List.of());
    }
}
