package org.openrom.agent.keys;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Subject names. */
public final class Names {
    private Names() {}

    /** The certificate subject's CN, or "" when it has none. */
    public static String commonName(X509Certificate cert) {
        RDN[] cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? "" : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** ADR 0004: {@code CN=<site id>, O=OpenROM site}. */
    public static X500Name site(String siteId) {
        return new X500Name("CN=" + siteId + ",O=OpenROM site");
    }
}
