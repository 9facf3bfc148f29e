package org.openrom.central.intake.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Opens a batch file (ADR 0004): AuthEnvelopedData (AES-256-GCM, RSA-OAEP key transport to this collator) around
 * SignedData (the site's signature) around the ZIP. Each layer is streamed to a temporary file and checked before
 * the next is read: nothing decrypted is parsed before the GCM tag has verified, and nothing inside the ZIP is
 * parsed before the signature has verified against the TLS client certificate.
 */
final class EnvelopeOpener {
    private final CollatorKeys keys;

    EnvelopeOpener(CollatorKeys keys) {
        this.keys = keys;
    }

    /** Decrypts {@code body} to {@code signedOut}, then verifies it and writes the signed ZIP to {@code zipOut}. */
    void open(Path body, Path signedOut, Path zipOut, X509Certificate client) throws IntakeException, IOException {
        decrypt(body, signedOut);
        verify(signedOut, zipOut, client);
    }

    void decrypt(Path body, Path signedOut) throws IntakeException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(body), 64 * 1024)) {
            CMSAuthEnvelopedDataParser parser;
            try {
                parser = new CMSAuthEnvelopedDataParser(in);
            } catch (CMSException | RuntimeException e) {
                throw new IntakeException(ErrorCode.NOT_CMS, "the body is not a CMS AuthEnvelopedData ContentInfo (DER): "
                        + reason(e));
            }
            if (!NISTObjectIdentifiers.id_aes256_GCM.getId().equals(parser.getEncAlgOID())) {
                throw new IntakeException(ErrorCode.UNEXPECTED_ALGORITHM,
                        "content encryption is " + parser.getEncAlgOID() + ", not id-aes256-GCM (2.16.840.1.101.3.4.1.46)");
            }
            RecipientInformation recipient = parser.getRecipientInfos().get(new JceKeyTransRecipientId(keys.collatorCert()));
            if (recipient == null) {
                throw new IntakeException(ErrorCode.NOT_FOR_THIS_COLLATOR, "the batch is not encrypted to this collator's "
                        + "certificate (serial " + keys.collatorCert().getSerialNumber().toString(16) + "); it has "
                        + parser.getRecipientInfos().size() + " other recipient(s)");
            }
            if (!PKCSObjectIdentifiers.id_RSAES_OAEP.getId().equals(recipient.getKeyEncryptionAlgOID())) {
                throw new IntakeException(ErrorCode.UNEXPECTED_ALGORITHM,
                        "key transport is " + recipient.getKeyEncryptionAlgOID() + ", not RSAES-OAEP");
            }
            GcmRecipient us = new GcmRecipient(keys.collatorKey(), signedOut.toAbsolutePath().getParent());
            CMSTypedStream content;
            try {
                content = recipient.getContentStream(us);
            } catch (CMSException | RuntimeException e) {
                throw new IntakeException(ErrorCode.DECRYPTION_FAILED, "cannot unwrap the content key with this collator's key: "
                        + reason(e));
            }
            // id-signedData is what ADR 0004 names (RFC 5083 then requires authAttrs); id-data carrying the DER
            // SignedData is the form OpenSSL 3.0 can parse (it fails on authAttrs). Both are read the same way below.
            if (!CMSObjectIdentifiers.signedData.equals(content.getContentType())
                    && !CMSObjectIdentifiers.data.equals(content.getContentType())) {
                throw new IntakeException(ErrorCode.NOT_SIGNED_DATA,
                        "the encrypted content is " + content.getContentType() + ", not id-signedData (or id-data)");
            }
            try (InputStream plain = content.getContentStream(); OutputStream out = Files.newOutputStream(signedOut)) {
                plain.transferTo(out);
            } catch (IOException | RuntimeException e) {
                throw new IntakeException(ErrorCode.DECRYPTION_FAILED,
                        "decryption failed (GCM tag or ciphertext altered, or the body is truncated): " + reason(e));
            }
        }
    }

    void verify(Path signed, Path zipOut, X509Certificate client) throws IntakeException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(signed), 64 * 1024)) {
            CMSSignedDataParser parser;
            try {
                parser = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().setProvider(Certificates.BC).build(), in);
                CMSTypedStream content = parser.getSignedContent();
                if (content == null) {
                    throw new IntakeException(ErrorCode.NOT_SIGNED_DATA, "the SignedData has no encapsulated content");
                }
                if (!CMSObjectIdentifiers.data.equals(content.getContentType())) {
                    throw new IntakeException(ErrorCode.NOT_SIGNED_DATA,
                            "the signed content is " + content.getContentType() + ", not id-data");
                }
                try (InputStream zip = content.getContentStream(); OutputStream out = Files.newOutputStream(zipOut)) {
                    zip.transferTo(out);
                }
                checkSigner(parser, client);
            } catch (CMSException | OperatorCreationException | RuntimeException e) {
                throw new IntakeException(ErrorCode.NOT_SIGNED_DATA, "the decrypted content is not a CMS SignedData: " + reason(e));
            }
        }
    }

    private static void checkSigner(CMSSignedDataParser parser, X509Certificate client) throws IntakeException, CMSException {
        Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IntakeException(ErrorCode.BAD_SIGNATURE, "the SignedData has " + signers.size() + " signers, not 1");
        }
        SignerInformation signer = signers.iterator().next();
        X509CertificateHolder clientHolder;
        try {
            clientHolder = new X509CertificateHolder(client.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalStateException("a TLS certificate that cannot be encoded", e);
        }
        if (!signer.getSID().match(clientHolder)) {
            throw new IntakeException(ErrorCode.SIGNER_NOT_CLIENT, "the batch is signed by " + signer.getSID().getIssuer()
                    + " serial " + signer.getSID().getSerialNumber().toString(16) + ", not by the TLS client certificate "
                    + client.getSubjectX500Principal().getName() + " serial " + client.getSerialNumber().toString(16));
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> embedded = parser.getCertificates().getMatches(signer.getSID());
        if (embedded.stream().noneMatch(clientHolder::equals)) {
            throw new IntakeException(ErrorCode.SIGNER_NOT_CLIENT,
                    "the SignedData does not carry the TLS client certificate as its signer's certificate");
        }
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
            throw new IntakeException(ErrorCode.UNEXPECTED_ALGORITHM, "signature digest is " + signer.getDigestAlgOID() + ", not SHA-256");
        }
        if (signer.getSignedAttributes() == null) {
            throw new IntakeException(ErrorCode.BAD_SIGNATURE, "the signer has no signed attributes (content-type, message-digest)");
        }
        boolean ok;
        try {
            ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.BC).build(client));
        } catch (OperatorCreationException | CMSException e) {
            throw new IntakeException(ErrorCode.BAD_SIGNATURE, "the signature does not verify: " + reason(e));
        }
        if (!ok) {
            throw new IntakeException(ErrorCode.BAD_SIGNATURE, "the signature does not verify with the site certificate");
        }
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) : m));
    }
}
