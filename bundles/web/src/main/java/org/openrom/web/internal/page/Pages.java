package org.openrom.web.internal.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTML pages: a rendered template with headers that keep pages out of caches and frames and allow no script
 * at all, redirects, and the plain message pages (not found, refused). Thread-safe.
 */
public final class Pages {
    /** Where the pages live; every link and redirect starts with it. */
    public static final String ROOT = "/openrom";
    /** No script, no plug-ins, styles and forms from this site only, never in a frame. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final Templates templates;

    public Pages(Templates templates) {
        this.templates = templates;
    }

    public Templates templates() {
        return templates;
    }

    /** Renders {@code template} with {@code model} and sends it with {@code status}. */
    public void render(HttpServletResponse resp, int status, String template, Object model) throws IOException {
        byte[] html = templates.render(template, model).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        headers(resp);
        resp.setContentLength(html.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(html);
        }
    }

    /** 303 See Other to a path under {@code /openrom} (e.g. {@code /caseload}): the browser GETs it. */
    public static void redirect(HttpServletResponse resp, String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("redirect path must start with one '/': " + path);
        }
        headers(resp);
        resp.setStatus(303);
        resp.setHeader("Location", ROOT + path);
    }

    /** 404 "Not found": the same page whatever was not found or not allowed, so ids cannot be probed. */
    public void notFound(HttpServletResponse resp, Layout layout) throws IOException {
        render(resp, 404, "message.jte", new Message(layout, "Not found",
                "There is nothing here, or it is not yours to see.", null, null));
    }

    /** 403 for a form posted without this session's CSRF token; nothing was done. */
    public void csrfRefused(HttpServletResponse resp, Layout layout) throws IOException {
        render(resp, 403, "message.jte", new Message(layout, "This form has expired",
                "Nothing was saved: the form was not one this site gave you, or it is from an earlier session."
                        + " Go back, reload the page and try again.", "/", "Start again"));
    }

    /** A message page with a status. */
    public void message(HttpServletResponse resp, int status, Message message) throws IOException {
        render(resp, status, "message.jte", message);
    }

    static void headers(HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }
}
