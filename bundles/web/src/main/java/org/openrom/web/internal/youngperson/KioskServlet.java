package org.openrom.web.internal.youngperson;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openrom.api.host.Host;
import org.openrom.web.internal.OpenRomContext;
import org.openrom.web.internal.page.Csrf;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.openrom.web.internal.page.WebSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /openrom/kiosk}: GET shows a form for a kiosk code; POST (with the double-submit CSRF token) uses the code
 * up and shows that young person's own progress in the same response, so no link is left in the browser's
 * history. A wrong, expired, used or rate-limited code gets the same 404 "Not found" page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/kiosk")
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class KioskServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The form field of the code. */
    static final String FIELD = "code";

    private final transient AccessTokens tokens;
    private final transient YoungPersonServlet.OwnProgress own;
    private final transient WebSessions sessions;

    @Activate
    public KioskServlet(@Reference AccessTokens tokens, @Reference YoungPersonProgress progress, @Reference Host host,
            @Reference WebSessions sessions) {
        this(tokens, new YoungPersonServlet.OwnProgress(progress, host, new Pages(new Templates())), sessions);
    }

    KioskServlet(AccessTokens tokens, YoungPersonServlet.OwnProgress own, WebSessions sessions) {
        this.tokens = tokens;
        this.own = own;
        this.sessions = sessions;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Pages pages = own.pages();
        switch (req.getMethod()) {
            case "GET" -> pages.render(resp, 200, "youngperson/kiosk.jte", new KioskPage(
                    Layout.anonymous("Enter your code"), Csrf.anonymousToken(req, resp, sessions.secureCookies())));
            case "POST" -> {
                if (!Csrf.matchesAnonymous(req)) {
                    pages.csrfRefused(resp, Layout.anonymous("This form has expired"));
                    return;
                }
                String code = req.getParameter(FIELD);
                String address = String.valueOf(req.getRemoteAddr());
                own.show(tokens.redeem(code == null ? "" : code, address), resp);
            }
            default -> pages.notFound(resp, Layout.anonymous("Not found"));
        }
    }
}
