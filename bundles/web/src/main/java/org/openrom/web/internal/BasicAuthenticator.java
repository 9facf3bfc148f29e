package org.openrom.web.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Host;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * HTTP Basic sign-in for the JSON API, checked by the host ({@link Host#authenticate}) and remembered for a short
 * time in a {@link CredentialCache}. At most {@code concurrentChecks} password checks run at once, so requests
 * with wrong passwords cannot take every request thread and core; the rest wait briefly, then get 503.
 * Thread-safe.
 */
@Component(service = BasicAuthenticator.class)
@Designate(ocd = BasicAuthenticator.Config.class)
public final class BasicAuthenticator {
    static final String CHALLENGE = "Basic realm=\"OpenROM\", charset=\"UTF-8\"";

    @ObjectClassDefinition(name = "OpenROM API sign-in", description = "HTTP Basic sign-in for the JSON API.")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a successful sign-in is remembered (0: never). A changed"
                + " password takes up to this long to lock out the old one.")
        int cacheSeconds() default 300;

        @AttributeDefinition(description = "Most sign-ins remembered at once.")
        int cacheEntries() default 1000;

        @AttributeDefinition(description = "Most password checks running at once.")
        int concurrentChecks() default 2;
    }

    private final Host host;
    private final CredentialCache cache;
    private final Semaphore checks;
    private final Duration checkWait;

    @Activate
    public BasicAuthenticator(Config config, @Reference Host host) {
        this(config, host, Clock.systemUTC(), Duration.ofSeconds(10));
    }

    BasicAuthenticator(Config config, Host host, Clock clock, Duration checkWait) {
        if (config.concurrentChecks() < 1) {
            throw new IllegalArgumentException("concurrentChecks must be at least 1: " + config.concurrentChecks());
        }
        if (config.cacheSeconds() < 0) {
            throw new IllegalArgumentException("cacheSeconds must not be negative: " + config.cacheSeconds());
        }
        if (config.cacheEntries() < 0) {
            throw new IllegalArgumentException("cacheEntries must not be negative: " + config.cacheEntries());
        }
        this.host = host;
        this.cache = new CredentialCache(clock, Duration.ofSeconds(config.cacheSeconds()), config.cacheEntries());
        this.checks = new Semaphore(config.concurrentChecks(), true);
        this.checkWait = checkWait;
    }

    /**
     * The signed-in user for an {@code Authorization} header.
     *
     * @throws ApiException 401 when the header is missing, not Basic or the credentials are wrong; 503 when too
     *     many checks are waiting
     */
    public Clinician signIn(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("sign in with HTTP Basic (user name and password)");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throw unauthorized("the Basic credentials are not base64");
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        char[] all = new char[chars.remaining()];
        chars.get(all);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        try {
            int colon = indexOf(all, ':');
            if (colon < 0) {
                throw unauthorized("the Basic credentials have no ':' between user name and password");
            }
            String username = new String(all, 0, colon);
            char[] password = Arrays.copyOfRange(all, colon + 1, all.length);
            try {
                return check(username, password)
                        .orElseThrow(() -> unauthorized("unknown user name or wrong password"));
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(all, '\0');
        }
    }

    /**
     * Checks a user name and password (the sign-in page uses this too), within the same bound on concurrent checks
     * and the same cache.
     *
     * @return the user, or empty when the user is unknown or the password is wrong
     * @throws ApiException 503 when too many checks are waiting
     */
    public Optional<Clinician> check(String username, char[] password) {
        Optional<Clinician> cached = cache.find(username, password);
        if (cached.isPresent()) {
            return cached;
        }
        boolean acquired;
        try {
            acquired = checks.tryAcquire(checkWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(503, ErrorCode.BUSY, "too many sign-ins at once; try again in a few seconds");
        }
        try {
            Optional<Clinician> clinician = host.authenticate(username, password);
            clinician.ifPresent(c -> cache.remember(username, password, c));
            return clinician;
        } finally {
            checks.release();
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static ApiException unauthorized(String why) {
        return new ApiException(401, ErrorCode.NOT_SIGNED_IN, why.toLowerCase(Locale.ROOT).startsWith("sign in")
                ? why : "not signed in: " + why);
    }
}
