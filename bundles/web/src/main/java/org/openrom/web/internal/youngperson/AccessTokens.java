package org.openrom.web.internal.youngperson;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The young people's links and kiosk codes, held in memory only. A link token is 32 bytes from
 * {@link SecureRandom}, URL-safe base64 (43 characters), valid {@code linkMinutes}; a kiosk code is 8 characters
 * from an alphabet without look-alikes, valid {@code kioskCodeMinutes} and used once. Each names one young person.
 * A lookup is a map lookup on the whole token or code (never a prefix or a comparison with a guess), after its
 * shape is checked. Wrong kiosk codes are counted per client address and in all ({@link KioskThrottle}).
 *
 * <p>Nothing is written to disk: a restart ends every link and code. That is the safer failure: a stolen or
 * forgotten link cannot outlive the process, no store holds a bearer credential to a child's data, and the
 * clinician simply issues a new one. Thread-safe.
 */
@Component(service = AccessTokens.class)
@Designate(ocd = AccessTokens.Config.class)
public final class AccessTokens {
    /** The kiosk alphabet: digits and capitals without 0/O and 1/I/L. 31 symbols, 8 of them: 8.5 × 10^11 codes. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 8;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @ObjectClassDefinition(name = "OpenROM young-person links",
            description = "Lifetimes of young people's links and kiosk codes, and the limits on wrong kiosk codes.")
    public @interface Config {
        @AttributeDefinition(description = "Minutes a young person's link is valid.")
        int linkMinutes() default 30;

        @AttributeDefinition(description = "Minutes a kiosk code is valid (it is also used up by its first use).")
        int kioskCodeMinutes() default 10;

        @AttributeDefinition(description = "Wrong kiosk codes one client address may enter per window.")
        int wrongCodesPerAddress() default 5;

        @AttributeDefinition(description = "Wrong kiosk codes all clients together may enter per window.")
        int wrongCodesInAll() default 100;

        @AttributeDefinition(description = "Minutes of the window the wrong-code limits count over.")
        int windowMinutes() default 15;

        @AttributeDefinition(description = "Most links and codes held at once; issuing more answers an error.")
        int maxOutstanding() default 10000;
    }

    /** What a clinician is given for one young person. */
    public record Issued(String token, Instant linkExpires, String kioskCode, Instant codeExpires) {}

    private record Grant(String patientId, Instant expires) {}

    private final Duration linkLife;
    private final Duration codeLife;
    private final int maxOutstanding;
    private final Clock clock;
    private final SecureRandom random;
    private final KioskThrottle throttle;
    private final Map<String, Grant> links = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    @Activate
    public AccessTokens(Config config) {
        this(config, Clock.systemUTC(), new SecureRandom());
    }

    AccessTokens(Config config, Clock clock, SecureRandom random) {
        this.linkLife = Duration.ofMinutes(positive("linkMinutes", config.linkMinutes()));
        this.codeLife = Duration.ofMinutes(positive("kioskCodeMinutes", config.kioskCodeMinutes()));
        this.maxOutstanding = positive("maxOutstanding", config.maxOutstanding());
        this.throttle = new KioskThrottle(positive("wrongCodesPerAddress", config.wrongCodesPerAddress()),
                positive("wrongCodesInAll", config.wrongCodesInAll()),
                Duration.ofMinutes(positive("windowMinutes", config.windowMinutes())), clock);
        this.clock = clock;
        this.random = random;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /**
     * A new link and kiosk code for one young person (earlier ones stay valid until they expire).
     *
     * @throws IllegalStateException when {@code maxOutstanding} links or codes are held
     */
    public Issued issue(String patientId) {
        Instant now = clock.instant();
        sweep(now);
        if (links.size() >= maxOutstanding || codes.size() >= maxOutstanding) {
            throw new IllegalStateException("too many young-person links outstanding: " + links.size());
        }
        String token = token();
        String code = code();
        links.put(token, new Grant(patientId, now.plus(linkLife)));
        codes.put(code, new Grant(patientId, now.plus(codeLife)));
        return new Issued(token, now.plus(linkLife), code, now.plus(codeLife));
    }

    /** The young person a link names; empty when the token is malformed, unknown, expired or revoked. */
    public Optional<String> patientForLink(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Grant g = links.get(token);
        if (g == null || !clock.instant().isBefore(g.expires())) {
            return Optional.empty();
        }
        return Optional.of(g.patientId());
    }

    /**
     * Uses up a kiosk code. Empty for a wrong, expired or used code, and for every code while the client address
     * (or everyone) has entered too many wrong codes in the window: a guesser cannot tell a limit from a miss.
     *
     * @param typed the code as typed (case, spaces and dashes ignored)
     * @param address the client's address, for the per-address limit
     */
    public Optional<String> redeem(String typed, String address) {
        if (throttle.blocked(address)) {
            return Optional.empty();
        }
        String code = normalise(typed);
        Grant g = code == null ? null : codes.remove(code); // removed: single use, even when expired
        if (g == null || !clock.instant().isBefore(g.expires())) {
            throttle.wrong(address);
            return Optional.empty();
        }
        return Optional.of(g.patientId());
    }

    /** Ends every link and code of one young person (e.g. when the clinician asks). */
    public void revoke(String patientId) {
        links.values().removeIf(g -> g.patientId().equals(patientId));
        codes.values().removeIf(g -> g.patientId().equals(patientId));
    }

    /** How long a link is valid. */
    public Duration linkLife() {
        return linkLife;
    }

    /** How long a kiosk code is valid. */
    public Duration codeLife() {
        return codeLife;
    }

    int outstanding() {
        return links.size() + codes.size();
    }

    private void sweep(Instant now) {
        links.values().removeIf(g -> !now.isBefore(g.expires()));
        codes.values().removeIf(g -> !now.isBefore(g.expires()));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String code() {
        StringBuilder c = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            c.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return codes.containsKey(c.toString()) ? code() : c.toString();
    }

    /** Upper case without spaces and dashes; null when it cannot be a code (wrong length or symbol). */
    static @Nullable String normalise(String typed) {
        String c = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (c.length() != CODE_LENGTH) {
            return null;
        }
        for (int i = 0; i < c.length(); i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                return null;
            }
        }
        return c;
    }
}
