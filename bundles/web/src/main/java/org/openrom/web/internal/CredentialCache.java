package org.openrom.web.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openrom.api.host.Clinician;

/**
 * Remembers successful sign-ins for a short time, so a script sending Basic credentials with every request does
 * not pay the host's slow password hash (PBKDF2, ~0.6 s) each time. It never holds a password: the key is
 * HMAC-SHA256, under a random key made when the cache is, of the length-prefixed user name and the password.
 * Failures are never cached, so a wrong password always costs the full check. Bounded (least recently used
 * goes first) and thread-safe.
 */
final class CredentialCache {
    private record Entry(Clinician clinician, Instant expires) {}

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries;

    CredentialCache(Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("cache time to live < 0: " + ttl);
        }
        if (maxEntries < 0) {
            throw new IllegalArgumentException("cache size < 0: " + maxEntries);
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > CredentialCache.this.maxEntries;
            }
        };
    }

    /** The clinician these credentials signed in as within the time to live; empty otherwise. */
    Optional<Clinician> find(String username, char[] password) {
        String k = keyOf(username, password);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry e = entries.get(k);
            if (e == null) {
                return Optional.empty();
            }
            if (!now.isBefore(e.expires())) {
                entries.remove(k);
                return Optional.empty();
            }
            return Optional.of(e.clinician());
        }
    }

    /** Remembers a successful sign-in. */
    void remember(String username, char[] password, Clinician clinician) {
        if (maxEntries == 0 || ttl.isZero()) {
            return;
        }
        String k = keyOf(username, password);
        Instant expires = clock.instant().plus(ttl);
        synchronized (entries) {
            entries.put(k, new Entry(clinician, expires));
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** What the map holds as a key: never the password, only a keyed hash of it. */
    String keyOf(String username, char[] password) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        ByteBuffer pass = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passBytes = new byte[pass.remaining()];
        pass.get(passBytes);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(user.length).array());
            mac.update(user);
            mac.update(passBytes);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java platform", e);
        } finally {
            Arrays.fill(passBytes, (byte) 0);
            if (pass.hasArray()) {
                Arrays.fill(pass.array(), (byte) 0);
            }
        }
    }
}
