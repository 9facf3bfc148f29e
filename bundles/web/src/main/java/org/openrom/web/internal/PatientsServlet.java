package org.openrom.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Host;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.ResponseStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /openrom/api/patients} (the signed-in clinician's caseload) and
 * {@code GET /openrom/api/patients/{id}/progress?measure=ID} (one young person's responses to a measure, oldest
 * first, with scores). HTTP Basic; every view audited; 4xx with an OperationOutcome.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/patients", "/api/patients/*"})
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class PatientsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PatientsServlet.class);

    private final transient BasicAuthenticator auth;
    private final transient PatientViews views;

    @Activate
    public PatientsServlet(
            @Reference BasicAuthenticator auth,
            @Reference ScoringService scoring,
            @Reference ResponseStore store,
            @Reference Host host) {
        this.auth = auth;
        this.views = new PatientViews(host, scoring, store, Clock.systemDefaultZone());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if (!"GET".equals(req.getMethod())) {
                resp.setHeader("Allow", "GET");
                throw new ApiException(405, ErrorCode.METHOD_NOT_ALLOWED, req.getMethod() + " is not allowed here");
            }
            Clinician who = auth.signIn(req.getHeader("Authorization"));
            String path = req.getPathInfo();
            if (path == null || path.equals("/")) {
                ApiResponses.json(resp, 200, views.caseload(who));
                return;
            }
            String[] parts = path.substring(1).split("/", -1);
            if (parts.length != 2 || !parts[1].equals("progress")) {
                throw new ApiException(404, ErrorCode.NOT_FOUND,
                        "no such resource; try /openrom/api/patients/{id}/progress?measure=phq9");
            }
            String measure = req.getParameter("measure");
            if (measure == null || measure.isBlank()) {
                throw new ApiException(400, ErrorCode.BAD_PARAMETER, "the measure parameter is missing, e.g. ?measure=phq9");
            }
            ApiResponses.json(resp, 200, views.progress(who, parts[0], measure));
        } catch (ApiException e) {
            ApiResponses.error(resp, e, null);
        } catch (UncheckedIOException e) {
            LOG.warn("reading or auditing failed: {}", e.getMessage());
            ApiResponses.error(resp, new ApiException(503, ErrorCode.STORE_FAILED,
                    "the store cannot be read or the view cannot be audited; nothing is shown"), null);
        } catch (RuntimeException e) {
            // Class name only: messages may quote answers, which never go into a log.
            LOG.error("request failed with {}", e.getClass().getName());
            ApiResponses.error(resp, new ApiException(500, ErrorCode.INTERNAL,
                    "internal error (" + e.getClass().getSimpleName() + "); nothing is shown"), null);
        }
    }
}
