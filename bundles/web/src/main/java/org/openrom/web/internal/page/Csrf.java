package org.openrom.web.internal.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * CSRF tokens. In a session, the token is the session's own ({@link WebSession#csrf()}), sent back in the hidden
 * field {@code csrf} of every form and compared in constant time on every POST. Before sign-in (the sign-in form,
 * a kiosk code form) there is no session, so the token is a double-submit cookie {@code OPENROM_CSRF} (HttpOnly,
 * SameSite=Strict) that the form repeats. Thread-safe.
 */
public final class Csrf {
    /** The form field every POST form carries. */
    public static final String FIELD = "csrf";
    static final String COOKIE = "OPENROM_CSRF";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** 256 random bits, URL-safe base64. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the request's {@code csrf} field equals the session's token (constant-time compare). */
    public static boolean matches(WebSession session, HttpServletRequest req) {
        return equal(session.csrf(), req.getParameter(FIELD));
    }

    /**
     * The double-submit token of a form shown before sign-in: the browser's {@code OPENROM_CSRF} cookie, or a new
     * one, set on the response.
     */
    public static String anonymousToken(HttpServletRequest req, HttpServletResponse resp, boolean secure) {
        String existing = cookie(req, COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
            return existing;
        }
        String token = newToken();
        resp.addHeader("Set-Cookie", WebSessions.cookieHeader(COOKIE, token, -1, secure));
        return token;
    }

    /** True when a form posted before sign-in repeats its {@code OPENROM_CSRF} cookie (constant-time compare). */
    public static boolean matchesAnonymous(HttpServletRequest req) {
        String cookie = cookie(req, COOKIE);
        return cookie != null && equal(cookie, req.getParameter(FIELD));
    }

    static boolean equal(String expected, @Nullable String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }
}
