package org.openrom.central.intake.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex and SHA-256, the forms the manifest and the receipt use. */
public final class Hex {
    private Hex() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String sha256(byte[] bytes) {
        return of(sha256().digest(bytes));
    }
}
