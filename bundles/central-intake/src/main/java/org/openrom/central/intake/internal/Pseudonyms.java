package org.openrom.central.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * {@code P_central = HMAC-SHA256(K_central, P_site)}, lower-case hex (RELIABILITY.md). P_site is never stored.
 * Not thread-safe: one instance per batch.
 */
final class Pseudonyms {
    private final Mac mac;

    Pseudonyms(SecretKey central) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(central);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    String central(String site) {
        return Hex.of(mac.doFinal(site.getBytes(StandardCharsets.UTF_8)));
    }
}
