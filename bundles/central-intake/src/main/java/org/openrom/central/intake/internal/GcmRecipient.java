package org.openrom.central.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.OutputStream;
import java.security.Key;
import java.security.PrivateKey;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.io.CipherInputStream;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.InputAEADDecryptor;
import org.jspecify.annotations.Nullable;

/**
 * The collator as a CMS key-transport recipient: Bouncy Castle unwraps the content key (RSA-OAEP) and decrypts the
 * content with its own AES-256-GCM, which streams: memory stays flat whatever the size of the batch. The JDK's
 * SunJCE GCM is much faster (several GB/s against about 70 MB/s here) but holds the whole ciphertext until the tag has
 * verified and then returns the plaintext in one array: about twice the batch in heap, 0.9 GB for a 1M-response
 * batch, more with several sites sending at once. A 440 MB batch took 6.2 s to decrypt in a 64 MiB heap, against one
 * to several minutes to validate and store it (the intake figures in the README). Only id-aes256-GCM with a 16-byte
 * tag and a 12-byte nonce is accepted.
 */
final class GcmRecipient extends JceKeyTransRecipient {
    private final Path workDir;

    /** @param workDir where the ciphertext waits while Bouncy Castle reads the authenticated attributes after it */
    GcmRecipient(PrivateKey collatorKey, Path workDir) {
        super(collatorKey);
        this.workDir = workDir;
        setProvider(Certificates.BC);
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
        byte[] aes = key.getEncoded();
        if (aes == null || aes.length != 32) {
            throw new CMSException("the content key is not an AES-256 key");
        }
        return new RecipientOperator(new Decryptor(content, aes, gcm.getNonce(), workDir));
    }

    /**
     * GCM needs the additional authenticated data (the DER authAttrs) before any ciphertext, but AuthEnvelopedData
     * carries authAttrs after the content, and Bouncy Castle's parser hands them over only when the content has been
     * read. So the ciphertext (with the tag appended by the parser) is first copied to a temporary file, then
     * decrypted as a stream. The plaintext flows out before the tag is checked, at the end of the stream, where a
     * wrong tag throws: EnvelopeOpener writes it to a temporary file, which BatchIntake reads only once the stream
     * has ended without error and deletes in every case.
     */
    private static final class Decryptor implements InputAEADDecryptor {
        private final AlgorithmIdentifier algorithm;
        private final byte[] key;
        private final byte[] nonce;
        private final Path workDir;
        private final ByteArrayOutputStream aad = new ByteArrayOutputStream();
        private @Nullable InputStream input;

        Decryptor(AlgorithmIdentifier algorithm, byte[] key, byte[] nonce, Path workDir) {
            this.algorithm = algorithm;
            this.key = key;
            this.nonce = nonce;
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
                        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
                        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, aad.toByteArray()));
                        InputStream file = Files.newInputStream(ciphertext, StandardOpenOption.DELETE_ON_CLOSE);
                        plain = new CipherInputStream(file, gcm, 64 * 1024);
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
