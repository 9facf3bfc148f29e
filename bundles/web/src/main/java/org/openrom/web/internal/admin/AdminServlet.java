package org.openrom.web.internal.admin;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.openrom.api.host.Clinician;
import org.openrom.web.internal.ApiException;
import org.openrom.web.internal.BasicAuthenticator;
import org.openrom.web.internal.OpenRomContext;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Message;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /openrom/admin}: the submission agent's status for the site administrator — last and next
 * submission, receipts, undelivered batches, certificate expiry and warnings. Site administrators only (HTTP
 * Basic through the host, role {@code SITE_ADMIN}); it shows no clinical content, and changes nothing, so it has
 * no forms and needs no CSRF token.
 */
@Component(service = Servlet.class, configurationPid = "org.openrom.web.internal.admin.AdminServlet")
@Designate(ocd = AdminServlet.Config.class)
@HttpWhiteboardServletPattern("/admin")
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "OpenROM site-admin page")
    public @interface Config {
        @AttributeDefinition(description = "The agent-status.json the submission agent writes (its agent.data folder).")
        String statusFile() default "openrom-data/agent/agent-status.json";
    }

    private final transient BasicAuthenticator auth;
    private final transient Path statusFile;
    private final transient Pages pages;
    private final transient Clock clock;

    @Activate
    public AdminServlet(Config config, @Reference BasicAuthenticator auth) {
        this(Path.of(config.statusFile()), auth, new Pages(new Templates()), Clock.systemUTC());
    }

    AdminServlet(Path statusFile, BasicAuthenticator auth, Pages pages, Clock clock) {
        if (statusFile.toString().isBlank()) {
            throw new IllegalArgumentException("statusFile is blank");
        }
        this.statusFile = statusFile;
        this.auth = auth;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(405);
            return;
        }
        Clinician who;
        try {
            who = auth.signIn(req.getHeader("Authorization"));
        } catch (ApiException e) {
            if (e.status() == 401) {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"OpenROM site administration\", charset=\"UTF-8\"");
            }
            pages.message(resp, e.status(), new Message(Layout.anonymous("Sign in"), "Site administration",
                    "Sign in with a site administrator's account to see the submission agent's status.", null, null));
            return;
        }
        if (who.role() != Clinician.Role.SITE_ADMIN) {
            pages.message(resp, 403, new Message(Layout.anonymous("Not allowed"), "Not allowed",
                    "This page is for site administrators.", "/caseload", "Go to your caseload"));
            return;
        }
        AgentStatus status = AgentStatus.read(statusFile, clock.instant());
        pages.render(resp, 200, "admin/agent.jte",
                new AgentStatusPage(Layout.anonymous("Submission agent"), who.displayName(), status));
    }
}
