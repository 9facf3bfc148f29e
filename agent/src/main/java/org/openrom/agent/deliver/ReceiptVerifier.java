package org.openrom.agent.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.openrom.agent.keys.Pins;

/**
 * Checks a collator receipt (ADR 0004): a DER SignedData with attached JSON content, signed by a collator
 * certificate whose key is pinned, naming the site, the batch and the SHA-256 of the body that was sent. The
 * signer certificate is the one the agent holds, not one the receipt carries.
 */
public final class ReceiptVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Passed to each builder, never registered globally (STYLE.md). RSASSA-PSS needs it. */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private final List<X509Certificate> collators;
    private final List<String> pins;

    public ReceiptVerifier(List<X509Certificate> collators, List<String> pins) {
        this.collators = List.copyOf(collators);
        this.pins = List.copyOf(pins);
    }

    /**
     * @return the receipt's JSON
     * @throws ReceiptException saying what does not hold
     */
    public String verify(byte[] der, String site, String batchId, String bodySha256) throws ReceiptException {
        byte[] content = verifiedContent(der);
        JsonNode receipt;
        try {
            receipt = JSON.readTree(content);
        } catch (IOException e) {
            throw new ReceiptException("receipt content is not JSON");
        }
        if (receipt == null || !"openrom-receipt/1".equals(receipt.path("schema").asText())) {
            throw new ReceiptException("receipt schema is not openrom-receipt/1");
        }
        expect(receipt, "site", site);
        expect(receipt, "batchId", batchId);
        expect(receipt, "bodySha256", bodySha256);
        return new String(content, StandardCharsets.UTF_8);
    }

    private byte[] verifiedContent(byte[] der) throws ReceiptException {
        try {
            CMSSignedData signed = new CMSSignedData(der);
            if (signed.getSignedContent() == null) {
                throw new ReceiptException("receipt has no attached content");
            }
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new ReceiptException("receipt has " + signers.size() + " signers, expected 1");
            }
            SignerInformation signer = signers.iterator().next();
            for (X509Certificate c : collators) {
                if (pins.contains(Pins.pin(c)) && signer.getSID().match(new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(c))) {
                    if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(c))) {
                        throw new ReceiptException("receipt signature does not verify");
                    }
                    return (byte[]) signed.getSignedContent().getContent();
                }
            }
            throw new ReceiptException("receipt is not signed by a pinned collator certificate");
        } catch (CMSException e) {
            throw new ReceiptException("receipt signature does not verify (" + e.getMessage() + ")");
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new ReceiptException("cannot check the receipt signature (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new ReceiptException("receipt is not a CMS SignedData (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void expect(JsonNode receipt, String field, String expected) throws ReceiptException {
        String actual = receipt.path(field).asText();
        if (!expected.equals(actual)) {
            throw new ReceiptException("receipt " + field + " is '" + actual + "', expected '" + expected + "'");
        }
    }

    /** The receipt does not prove delivery. */
    public static final class ReceiptException extends Exception {
        private static final long serialVersionUID = 1L;

        ReceiptException(String message) {
            super(message);
        }
    }
}
