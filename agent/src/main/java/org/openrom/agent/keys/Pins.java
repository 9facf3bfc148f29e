package org.openrom.agent.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Certificate fingerprints: OkHttp's pin form and the hex SHA-256 of the DER encoding (manifest recipients). */
public final class Pins {
    private Pins() {}

    /** {@code sha256/<base64 SHA-256 of the SubjectPublicKeyInfo>}, as OkHttp's CertificatePinner uses. */
    public static String pin(X509Certificate cert) {
        return "sha256/" + Base64.getEncoder().encodeToString(sha256(cert.getPublicKey().getEncoded()));
    }

    /** Hex SHA-256 of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(sha256(cert.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
