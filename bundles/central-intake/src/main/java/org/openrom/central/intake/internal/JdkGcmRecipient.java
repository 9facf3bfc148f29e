package org.openrom.central.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputAEADDecryptor;
import org.jspecify.annotations.Nullable;

/**
 * The collator as a CMS key-transport recipient: Bouncy Castle unwraps the content key (RSA-OAEP), the JDK's
 * SunJCE decrypts the content with AES-256-GCM (ARCHITECTURE.md: several GB/s against BC's ~50 MB/s). Bouncy
 * Castle's own JCE helper cannot drive SunJCE here: it looks GCM parameters up by OID, which SunJCE does not map.
 * Only id-aes256-GCM with a 16-byte tag and a 12-byte nonce is accepted.
 */
final class JdkGcmRecipient extends JceKeyTransRecipient {
    private static final Provider SUN_JCE = requireSunJce();

    private final Path workDir;

    /** @param workDir where the ciphertext waits while Bouncy Castle reads the authenticated attributes after it */
    JdkGcmRecipient(PrivateKey collatorKey, Path workDir) {
        super(collatorKey);
        this.workDir = workDir;
        setProvider(Certificates.BC);
    }

    private static Provider requireSunJce() {
        Provider p = Security.getProvider("SunJCE");
        if (p == null) {
            throw new IllegalStateException("the JDK's SunJCE provider is missing");
        }
        return p;
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier content,
            byte[] encryptedContentKey) throws CMSException {
        if (!CMSAlgorithm.AES256_GCM.equals(content.getAlgorithm())) {
            throw new CMSException("content encryption " + content.getAlgorithm() + " is not id-aes256-GCM");
        }
        GCMParameters gcm = GCMParameters.getInstance(content.getParameters());
        if (gcm.getIcvLen() != 16 || gcm.getNonce().length != 12) {
            throw new CMSException("GCM parameters must be a 12-byte nonce and a 16-byte tag, not " + gcm.getNonce().length
                    + " and " + gcm.getIcvLen());
        }
        Key key = extractSecretKey(keyEncryption, content, encryptedContentKey);
        Cipher cipher;
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding", SUN_JCE);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getEncoded(), "AES"), new GCMParameterSpec(128, gcm.getNonce()));
        } catch (GeneralSecurityException e) {
            throw new CMSException("cannot set up AES-256-GCM: " + e.getMessage(), e);
        }
        return new RecipientOperator(new Decryptor(content, cipher, workDir));
    }

    /**
     * GCM needs the additional authenticated data (the DER authAttrs) before any ciphertext, but AuthEnvelopedData
     * carries authAttrs after the content, and Bouncy Castle's parser hands them over only when the content has been
     * read. So the ciphertext (with the tag appended by the parser) is first copied to a temporary file, then
     * decrypted. The JDK's GCM releases no plaintext before the tag has verified.
     */
    private static final class Decryptor implements InputAEADDecryptor {
        private final AlgorithmIdentifier algorithm;
        private final Cipher cipher;
        private final Path workDir;
        private final ByteArrayOutputStream aad = new ByteArrayOutputStream();
        private @Nullable InputStream input;

        Decryptor(AlgorithmIdentifier algorithm, Cipher cipher, Path workDir) {
            this.algorithm = algorithm;
            this.cipher = cipher;
            this.workDir = workDir;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public InputStream getInputStream(InputStream in) {
            input = in;
            return new InputStream() {
                private @Nullable InputStream plain;

                private InputStream plain() throws IOException {
                    if (plain == null) {
                        Path ciphertext = Files.createTempFile(workDir, "ciphertext-", ".bin");
                        try (OutputStream out = Files.newOutputStream(ciphertext)) {
                            in.transferTo(out);
                        }
                        cipher.updateAAD(aad.toByteArray());
                        InputStream file = Files.newInputStream(ciphertext, StandardOpenOption.DELETE_ON_CLOSE);
                        plain = new CipherInputStream(file, cipher);
                    }
                    return plain;
                }

                @Override
                public int read() throws IOException {
                    return plain().read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return plain().read(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (plain != null) {
                        plain.close();
                    }
                }
            };
        }

        @Override
        public OutputStream getAADStream() {
            return aad;
        }

        @Override
        public byte[] getMAC() {
            return input instanceof InputStreamWithMAC withMac ? withMac.getMAC() : new byte[0];
        }
    }
}
