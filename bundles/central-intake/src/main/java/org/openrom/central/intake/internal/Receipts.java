package org.openrom.central.intake.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The signed receipt (ADR 0004): DER {@code ContentInfo(id-signedData)}, content attached, signed by the collator
 * key with RSASSA-PSS SHA-256, carrying the collator certificate; the content is the receipt JSON.
 */
final class Receipts {
    static final String SCHEMA = "openrom-receipt/1";

    private final CollatorKeys keys;
    private final ObjectMapper json;

    Receipts(CollatorKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    byte[] sign(Manifest m, String bodySha256, Instant received, Map<String, Long> stored) {
        ObjectNode r = json.createObjectNode();
        r.put("schema", SCHEMA);
        r.put("site", m.site());
        r.put("batchId", m.batchId());
        r.put("sequence", m.sequence());
        r.put("bodySha256", bodySha256);
        r.put("payloadSha256", m.payloadSha256());
        r.put("received", received.toString());
        ObjectNode counts = r.putObject("stored");
        stored.forEach(counts::put);
        try {
            return sign(json.writeValueAsBytes(r));
        } catch (IOException e) {
            throw new IllegalStateException("writing a receipt to bytes", e);
        }
    }

    byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Certificates.BC).build())
                    .build(new JcaContentSignerBuilder("SHA256withRSAandMGF1").setProvider(Certificates.BC).build(keys.collatorKey()),
                            keys.collatorCert()));
            g.addCertificates(new JcaCertStore(List.of(keys.collatorCert())));
            return g.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign a receipt with the collator key", e);
        }
    }
}
