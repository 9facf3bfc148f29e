package org.openrom.web.internal.youngperson;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Patient;
import org.openrom.api.store.ResponseStore;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Message;
import org.openrom.web.internal.page.PatientPage;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.openrom.web.internal.page.WebSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /openrom/patients/{pid}/links}: GET explains and offers the button; POST issues a link (valid
 * {@code linkMinutes}) and a kiosk code (valid {@code kioskCodeMinutes}, single use) for this young person only and
 * shows both; POST with {@code action=revoke} ends all of theirs. The clinicians' dispatcher has checked the
 * session, the CSRF token and the caseload before this is called. Both are audited under the clinician's id.
 */
@Component(service = PatientPage.class, property = PatientPage.NAME + "=links")
public final class LinksPatientPage implements PatientPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AccessTokens tokens;
    private final ResponseStore store;
    private final Pages pages;
    private final ZoneId zone;

    @Activate
    public LinksPatientPage(@Reference AccessTokens tokens, @Reference ResponseStore store) {
        this(tokens, store, new Pages(new Templates()), ZoneId.systemDefault());
    }

    LinksPatientPage(AccessTokens tokens, ResponseStore store, Pages pages, ZoneId zone) {
        this.tokens = tokens;
        this.store = store;
        this.pages = pages;
        this.zone = zone;
    }

    @Override
    public void serve(HttpServletRequest req, HttpServletResponse resp, WebSession session, Patient patient,
            String rest) throws IOException {
        Layout layout = Layout.of("Link for " + patient.givenName(), session);
        if (!rest.isEmpty()) {
            pages.notFound(resp, layout);
            return;
        }
        String object = "patient/" + patient.id();
        if ("GET".equals(req.getMethod())) {
            render(req, resp, layout, session, patient, null, false);
        } else if ("revoke".equals(req.getParameter("action"))) {
            store.audit(session.clinician().id(), "young-person.links-revoked", object);
            tokens.revoke(patient.id());
            render(req, resp, layout, session, patient, null, true);
        } else {
            AccessTokens.Issued issued;
            try {
                issued = tokens.issue(patient.id());
            } catch (IllegalStateException e) {
                pages.message(resp, 503, new Message(layout, "Try again later",
                        "Too many links are open at the moment. Nothing was issued.", "/patients/" + patient.id(),
                        "Back"));
                return;
            }
            store.audit(session.clinician().id(), "young-person.link-issued", object);
            render(req, resp, layout, session, patient, issued, false);
        }
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, Layout layout, WebSession session, Patient patient,
            AccessTokens.@Nullable Issued issued, boolean revoked) throws IOException {
        pages.render(resp, 200, "youngperson/links.jte", new LinksPage(layout, patient.id(), patient.displayName(),
                session.csrf(), issued == null ? null : origin(req) + Pages.ROOT + "/yp/" + issued.token(),
                tokens.linkLife().toMinutes(), issued == null ? "" : time(issued.linkExpires()),
                issued == null ? null : issued.kioskCode(), tokens.codeLife().toMinutes(),
                issued == null ? "" : time(issued.codeExpires()), revoked));
    }

    /** {@code https://host[:port]} as the clinician's browser reached the site; empty when unknown. */
    static String origin(HttpServletRequest req) {
        String scheme = req.getScheme();
        String host = req.getServerName();
        if (scheme == null || host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            return "";
        }
        int port = req.getServerPort();
        boolean usual = port <= 0 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }
}
