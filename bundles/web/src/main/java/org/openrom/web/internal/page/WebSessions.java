package org.openrom.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Clinician;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The pages' sessions, held in memory (a restart signs everybody out; nothing in a session needs to survive one).
 * The cookie {@code OPENROM_SESSION} (HttpOnly, SameSite=Strict, Path=/openrom, Secure when configured) carries a
 * 256-bit random id. A new id at every sign-in and hand-over (the old session ends), so an id seen before sign-in
 * is worthless after it. A session idle for {@code idleMinutes} ends. Thread-safe.
 */
@Component(service = WebSessions.class)
@Designate(ocd = WebSessions.Config.class)
public final class WebSessions {
    /** The session cookie's name. */
    public static final String COOKIE = "OPENROM_SESSION";
    static final String PATH = "/openrom";

    @ObjectClassDefinition(name = "OpenROM page sessions", description = "Sign-in sessions of the HTML pages.")
    public @interface Config {
        @AttributeDefinition(description = "Minutes without a request after which a session ends.")
        int idleMinutes() default 30;

        @AttributeDefinition(description = "Most sessions held at once; sign-in answers 503 beyond it.")
        int maxSessions() default 10000;

        @AttributeDefinition(description = "Mark the cookies Secure (set when the site is served over HTTPS).")
        boolean secureCookie() default false;
    }

    private final Clock clock;
    private final Duration idle;
    private final int maxSessions;
    private final boolean secure;
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    @Activate
    public WebSessions(Config config) {
        this(config, Clock.systemUTC());
    }

    public WebSessions(Config config, Clock clock) {
        if (config.idleMinutes() < 1) {
            throw new IllegalArgumentException("idleMinutes must be at least 1: " + config.idleMinutes());
        }
        if (config.maxSessions() < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1: " + config.maxSessions());
        }
        this.clock = clock;
        this.idle = Duration.ofMinutes(config.idleMinutes());
        this.maxSessions = config.maxSessions();
        this.secure = config.secureCookie();
    }

    /** The live session the request's cookie names, marked as seen now; empty when none or expired. */
    public Optional<WebSession> find(HttpServletRequest req) {
        String id = Csrf.cookie(req, COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        WebSession s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.seen(now);
        return Optional.of(s);
    }

    /**
     * Starts a clinician session under a new id (any session the request carried ends) and sets the cookie.
     *
     * @throws IllegalStateException when {@code maxSessions} live sessions exist
     */
    public WebSession startClinician(Clinician who, HttpServletRequest req, HttpServletResponse resp) {
        endQuietly(req);
        return start(WebSession.Kind.CLINICIAN, who, null, resp);
    }

    /**
     * Ends a clinician's session and starts a hand-over session bound to one questionnaire, under a new id: the
     * young person holding the tablet has no way back into the clinician's pages.
     */
    public WebSession startHandover(WebSession clinician, WebSession.Handover handover, HttpServletResponse resp) {
        if (clinician.isHandover()) {
            throw new IllegalArgumentException("a hand-over session cannot start another hand-over");
        }
        sessions.remove(clinician.id());
        return start(WebSession.Kind.HANDOVER, clinician.clinician(), handover, resp);
    }

    /** Ends the request's session, if any, and clears the cookie. */
    public void end(HttpServletRequest req, HttpServletResponse resp) {
        endQuietly(req);
        resp.addHeader("Set-Cookie", cookieHeader(COOKIE, "", 0, secure));
    }

    /** Whether cookies are marked Secure (for the sign-in form's CSRF cookie). */
    public boolean secureCookies() {
        return secure;
    }

    int size() {
        return sessions.size();
    }

    private void endQuietly(HttpServletRequest req) {
        String id = Csrf.cookie(req, COOKIE);
        if (id != null) {
            sessions.remove(id);
        }
    }

    private WebSession start(WebSession.Kind kind, Clinician who, WebSession.@Nullable Handover handover,
            HttpServletResponse resp) {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            sessions.values().removeIf(s -> expired(s, now));
            if (sessions.size() >= maxSessions) {
                throw new IllegalStateException("too many sessions: " + sessions.size());
            }
        }
        WebSession s = new WebSession(Csrf.newToken(), kind, who, Csrf.newToken(), handover, now);
        sessions.put(s.id(), s);
        resp.addHeader("Set-Cookie", cookieHeader(COOKIE, s.id(), -1, secure));
        return s;
    }

    private boolean expired(WebSession s, Instant now) {
        return !s.lastSeen().plus(idle).isAfter(now);
    }

    /** A {@code Set-Cookie} value under {@code /openrom}; {@code maxAge} -1 for a browser-session cookie. */
    static String cookieHeader(String name, String value, int maxAge, boolean secure) {
        return name + "=" + value + "; Path=" + PATH + "; HttpOnly; SameSite=Strict"
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "") + (secure ? "; Secure" : "");
    }
}
