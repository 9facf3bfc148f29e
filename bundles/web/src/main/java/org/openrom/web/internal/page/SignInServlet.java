package org.openrom.web.internal.page;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.openrom.api.host.Clinician;
import org.openrom.web.internal.ApiException;
import org.openrom.web.internal.BasicAuthenticator;
import org.openrom.web.internal.OpenRomContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /openrom/signin} (GET the form, POST {@code username}, {@code password}, {@code csrf}),
 * {@code POST /openrom/signout}, and {@code /openrom/} itself, which sends a clinician to the caseload, a hand-over
 * to its questionnaire and anyone else to sign in. Any other unknown path: "Not found" (a hand-over session: back to
 * sign-in). The password is checked by the host ({@link BasicAuthenticator#check}); a wrong one gets 200 with an
 * error that does not say which part was wrong.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/signin", "/signout", "/"})
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class SignInServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BasicAuthenticator auth;
    private final transient WebSessions sessions;
    private final transient Pages pages;

    @Activate
    public SignInServlet(@Reference BasicAuthenticator auth, @Reference WebSessions sessions) {
        this(auth, sessions, new Pages(new Templates()));
    }

    SignInServlet(BasicAuthenticator auth, WebSessions sessions, Pages pages) {
        this.auth = auth;
        this.sessions = sessions;
        this.pages = pages;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        String method = req.getMethod();
        if (path.equals("/signin") && method.equals("GET")) {
            showForm(req, resp, 200, null, "");
        } else if (path.equals("/signin") && method.equals("POST")) {
            signIn(req, resp);
        } else if (path.equals("/signout") && method.equals("POST")) {
            signOut(req, resp);
        } else if ((path.isEmpty() || path.equals("/")) && method.equals("GET")) {
            home(req, resp);
        } else {
            Optional<WebSession> s = sessions.find(req);
            if (s.isPresent() && s.get().isHandover()) {
                Pages.redirect(resp, "/signin");
            } else {
                pages.notFound(resp, s.map(x -> Layout.of("Not found", x)).orElse(Layout.anonymous("Not found")));
            }
        }
    }

    private void home(HttpServletRequest req, HttpServletResponse resp) {
        Optional<WebSession> s = sessions.find(req);
        if (s.isEmpty()) {
            Pages.redirect(resp, "/signin");
        } else if (s.get().isHandover()) {
            WebSession.Handover h = s.get().handover();
            Pages.redirect(resp, s.get().submittedResponseId() != null ? "/handover/done"
                    : "/patients/" + h.patientId() + "/episodes/" + h.episodeId() + "/measures/" + h.measureId());
        } else {
            Pages.redirect(resp, "/caseload");
        }
    }

    private void showForm(HttpServletRequest req, HttpServletResponse resp, int status, String error, String username)
            throws IOException {
        String token = Csrf.anonymousToken(req, resp, sessions.secureCookies());
        pages.render(resp, status, "signin.jte", new SignInPage(Layout.anonymous("Sign in"), token, error, username));
    }

    private void signIn(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Csrf.matchesAnonymous(req)) {
            pages.csrfRefused(resp, Layout.anonymous("Form expired"));
            return;
        }
        String username = param(req, "username").strip();
        char[] password = param(req, "password").toCharArray();
        Optional<Clinician> who;
        try {
            who = username.isEmpty() || password.length == 0 ? Optional.empty() : auth.check(username, password);
        } catch (ApiException busy) {
            pages.message(resp, 503, new Message(Layout.anonymous("Busy"), "Busy",
                    "Too many people are signing in at once. Please try again in a few seconds.", "/signin", "Sign in"));
            return;
        } finally {
            Arrays.fill(password, '\0');
        }
        if (who.isEmpty()) {
            showForm(req, resp, 200, "The user name or password is not right.", shorten(username));
            return;
        }
        if (who.get().role() != Clinician.Role.CLINICIAN) {
            showForm(req, resp, 200, "This account is not a clinician's: these pages show clinical content to"
                    + " clinicians only.", shorten(username));
            return;
        }
        try {
            sessions.startClinician(who.get(), req, resp);
        } catch (IllegalStateException full) {
            pages.message(resp, 503, new Message(Layout.anonymous("Busy"), "Busy",
                    "Too many sessions are open. Please try again later.", "/signin", "Sign in"));
            return;
        }
        Pages.redirect(resp, "/caseload");
    }

    private void signOut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<WebSession> s = sessions.find(req);
        if (s.isPresent() && !Csrf.matches(s.get(), req)) {
            pages.csrfRefused(resp, Layout.of("Form expired", s.get()));
            return;
        }
        sessions.end(req, resp);
        Pages.redirect(resp, "/signin");
    }

    static String param(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v;
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100);
    }
}
