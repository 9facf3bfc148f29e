package org.openrom.web.internal.clinician;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Host;

import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.ResponseStore;
import org.openrom.web.internal.OpenRomContext;
import org.openrom.web.internal.Rescorer;
import org.openrom.web.internal.ResponseIntake;
import org.openrom.web.internal.page.Csrf;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Message;
import org.openrom.web.internal.page.PatientPage;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.openrom.web.internal.page.WebSession;
import org.openrom.web.internal.page.WebSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinicians' pages: {@code /caseload}, {@code /patients/{pid}} (and its episodes' forms, hand-over and the
 * sub-pages other packages register as {@link PatientPage}), {@code /responses/{rid}} (feedback again) and
 * {@code /responses/{rid}/acknowledge}, {@code /handover/done}. Order of checks: a live session (else sign-in); a
 * hand-over session reaches only its questionnaire and then {@code /handover/done} (else sign-in); every POST carries
 * the session's CSRF token (else 403, nothing done); a young person not on the caseload, an unknown id, episode or
 * measure: the same 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/caseload", "/patients/*", "/responses/*", "/handover/*"})
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class ClinicianServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClinicianServlet.class);

    private final transient WebSessions sessions;
    private final transient Clinic clinic;
    private final transient PatientPages patientPages;
    private final transient FormFlow forms;
    private final transient HandoverFlow handover;
    private final transient Routes routes;
    private final transient Map<String, PatientPage> subPages = new ConcurrentHashMap<>();

    @Activate
    public ClinicianServlet(@Reference WebSessions sessions, @Reference QuestionnaireResponses fhir,
            @Reference ScoringService scoring, @Reference ResponseStore store, @Reference Host host,
            @Reference MeasureSchedule schedule) {
        this(sessions, new Clinic(host, fhir, store, scoring, new ResponseIntake(fhir, new Rescorer(fhir, scoring), store, host),
                new Pages(new Templates()), schedule, Clock.systemDefaultZone()));
    }

    ClinicianServlet(WebSessions sessions, Clinic clinic) {
        this.sessions = sessions;
        this.clinic = clinic;
        this.patientPages = new PatientPages(clinic);
        this.forms = new FormFlow(clinic);
        this.handover = new HandoverFlow(clinic, sessions);
        this.routes = new Routes(clinic, patientPages, forms, handover, subPages);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPatientPage(PatientPage page, Map<String, Object> properties) {
        Object name = properties.get(PatientPage.NAME);
        if (name instanceof String n && n.matches("[a-z][a-z0-9-]{0,30}")) {
            subPages.put(n, page);
        } else {
            LOG.warn("a PatientPage without a valid {} property is ignored: {}", PatientPage.NAME, name);
        }
    }

    void removePatientPage(PatientPage page, Map<String, Object> properties) {
        subPages.values().remove(page);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Optional<WebSession> found = sessions.find(req);
        if (found.isEmpty()) {
            Pages.redirect(resp, "/signin");
            return;
        }
        WebSession s = found.get();
        boolean post = req.getMethod().equals("POST");
        if (!post && !req.getMethod().equals("GET")) {
            resp.setHeader("Allow", "GET, POST");
            clinic.pages.message(resp, 405, new Message(Layout.of("Not allowed", s), "Not allowed",
                    "This page answers GET and POST only.", null, null));
            return;
        }
        if (s.isHandover() && !Routes.handoverMayUse(s, path, post)) {
            Pages.redirect(resp, s.submittedResponseId() != null && Routes.isHandoverForm(s, path) ? "/handover/done"
                    : "/signin");
            return;
        }
        if (post && !Csrf.matches(s, req)) {
            clinic.pages.csrfRefused(resp, Layout.of("Form expired", s));
            return;
        }
        try {
            routes.route(s, path, post, req, resp);
        } catch (UncheckedIOException e) {
            LOG.warn("the store could not be read or written: {}", e.getClass().getSimpleName());
            clinic.pages.message(resp, 503, new Message(Layout.of("Not available", s), "Not available just now",
                    "The site's store could not be read or written, so nothing is shown. Try again in a moment.", null,
                    null));
        } catch (RuntimeException e) {
            // Class name only: messages may quote answers or names, which never go into a log.
            LOG.error("page request failed with {}", e.getClass().getName());
            clinic.pages.message(resp, 500, new Message(Layout.of("Something went wrong", s), "Something went wrong",
                    "The page could not be shown (" + e.getClass().getSimpleName() + "). Nothing was lost: try again.",
                    null, null));
        }
    }

    static String param(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v;
    }

    /** For tests: the sub-pages registered. */
    Map<String, PatientPage> subPages() {
        return subPages;
    }

}
