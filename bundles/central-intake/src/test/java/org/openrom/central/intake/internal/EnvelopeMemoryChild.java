package org.openrom.central.intake.internal;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;

/**
 * Run by {@link EnvelopeMemoryTest} in a JVM with a small heap. {@code <dir> <MiB> intake}: writes an AuthEnvelopedData
 * of that many MiB of random content to the collator made in {@code dir} (as the agent does: JDK GCM, RSA-OAEP), opens
 * it with the intake's {@link EnvelopeOpener} and prints the plaintext's size and SHA-256 beside the original's.
 * {@code <dir> <MiB> buffering}: the control, the same amount of ciphertext through the JDK's GCM decryption.
 */
public final class EnvelopeMemoryChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) << 20;
        if (args[2].equals("buffering")) {
            buffering(dir, bytes);
            return;
        }
        TestPki pki = TestPki.load(dir);
        Path body = dir.resolve("body.p7m");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(pki.keys.collatorCert(),
                new JceAsymmetricKeyWrapper(new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                        PSource.PSpecified.DEFAULT), pki.keys.collatorCert().getPublicKey())));
        OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(body), 1 << 16);
                OutputStream out = gen.open(CMSObjectIdentifiers.data, file, encryptor)) {
            random(bytes, piece -> {
                written.update(piece);
                out.write(piece);
            });
        }
        Path plain = dir.resolve("plain.bin");
        long start = System.nanoTime();
        new EnvelopeOpener(pki.keys).decrypt(body, plain);
        System.out.printf("decrypt %.1f s%n", (System.nanoTime() - start) / 1e9);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(plain)) {
            byte[] b = new byte[1 << 16];
            for (int n; (n = in.read(b)) > 0; ) {
                read.update(b, 0, n);
            }
        }
        System.out.println("ciphertext " + Files.size(body) + " plaintext " + Files.size(plain) + " of " + bytes);
        System.out.println("sha256 " + Hex.of(read.digest()) + " of " + Hex.of(written.digest()));
        System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    }

    /** The control: the JDK's GCM holds the ciphertext until its tag verifies. */
    private static void buffering(Path dir, long bytes) throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        SecretKey key = kg.generateKey();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Path body = dir.resolve("ciphertext.bin");
        Cipher enc = Cipher.getInstance("AES/GCM/NoPadding");
        enc.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        try (OutputStream out = new javax.crypto.CipherOutputStream(
                new BufferedOutputStream(Files.newOutputStream(body), 1 << 16), enc)) {
            random(bytes, out::write);
        }
        Cipher dec = Cipher.getInstance("AES/GCM/NoPadding");
        dec.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        long n = 0;
        try (InputStream in = new CipherInputStream(Files.newInputStream(body), dec)) {
            byte[] b = new byte[1 << 16];
            for (int r; (r = in.read(b)) > 0; ) {
                n += r;
            }
        }
        System.out.println("plaintext " + n + " of " + bytes);
    }

    private interface Pieces {
        void piece(byte[] b) throws Exception;
    }

    /** Random content in 1 KiB pieces (the JDK's GCM is slow on large pieces until it is compiled). */
    private static void random(long bytes, Pieces pieces) throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        byte[] piece = new byte[1024];
        for (long done = 0; done < bytes; done += piece.length) {
            for (int i = 0; i < piece.length; i += 8) {
                long v = random.nextLong();
                for (int j = 0; j < 8; j++) {
                    piece[i + j] = (byte) (v >>> (8 * j));
                }
            }
            pieces.piece(piece);
        }
    }
}
