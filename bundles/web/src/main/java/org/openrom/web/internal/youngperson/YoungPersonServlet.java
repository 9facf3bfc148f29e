package org.openrom.web.internal.youngperson;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.openrom.web.internal.OpenRomContext;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /openrom/yp/{token}}: the young person's own progress, for whoever holds a live link. An expired,
 * revoked, forged or malformed token, another method, an extra path segment or a young person the host no longer
 * knows all get the same 404 "Not found" page. The token is only ever looked up whole; the page sends no referrer.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/yp/*")
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class YoungPersonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient AccessTokens tokens;
    private final transient OwnProgress own;

    @Activate
    public YoungPersonServlet(@Reference AccessTokens tokens, @Reference YoungPersonProgress progress,
            @Reference Host host) {
        this(tokens, new OwnProgress(progress, host, new Pages(new Templates())));
    }

    YoungPersonServlet(AccessTokens tokens, OwnProgress own) {
        this.tokens = tokens;
        this.own = own;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        Optional<String> patient = "GET".equals(req.getMethod()) && path != null && path.startsWith("/")
                ? tokens.patientForLink(path.substring(1)) : Optional.empty();
        own.show(patient, resp);
    }

    /** Shows one young person's own page, or "Not found" for everything else: one place, one answer. */
    static final class OwnProgress {
        private final YoungPersonProgress progress;
        private final Host host;
        private final Pages pages;

        OwnProgress(YoungPersonProgress progress, Host host, Pages pages) {
            this.progress = progress;
            this.host = host;
            this.pages = pages;
        }

        Pages pages() {
            return pages;
        }

        void show(Optional<String> patientId, HttpServletResponse resp) throws IOException {
            Optional<Patient> patient = patientId.flatMap(host::patient);
            if (patient.isEmpty()) {
                pages.notFound(resp, Layout.anonymous("Not found"));
                return;
            }
            Patient p = patient.get();
            pages.render(resp, 200, "youngperson/progress.jte",
                    new OwnProgressPage(Layout.anonymous("Your progress"), p.givenName(), progress.figures(p)));
        }
    }
}
