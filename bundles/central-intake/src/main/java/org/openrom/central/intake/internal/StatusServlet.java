package org.openrom.central.intake.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrom.central.intake.internal.CollatorStore.Site;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /collator/health}: 200 when the store answers, with per site the batches stored, the last sequence,
 * certificate expiry, and every batch event (sequence gaps and regressions, quarantined conflicts); 503 otherwise.
 * Like every URL here it is reached only with a client certificate from the collaborative CA. The collator's own
 * monitor certificate ({@value #MONITOR_CN}, which {@code openrom collator serve} uses for its start-up check) sees
 * every site; a site's certificate sees only its own entry and events, never another site's.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardContextSelect(CollatorContext.SELECT)
public final class StatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The common name of the collator's monitor certificate, the one client that sees every site. */
    public static final String MONITOR_CN = "OpenROM collator monitor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient BatchIntake intake;

    @Activate
    public StatusServlet(@Reference BatchIntake intake) {
        this.intake = intake;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        int status = 200;
        try {
            body.put("status", "UP");
            body.put("collator", intake.keys().collatorName());
            body.put("collatorCertificateNotAfter", intake.keys().collatorCert().getNotAfter().toInstant().toString());
            String viewer = viewer(req);
            boolean all = MONITOR_CN.equals(viewer);
            body.put("sites", sites(intake.store()).stream().filter(m -> all || viewer.equals(m.get("site"))).toList());
            body.put("events", intake.store().events().stream().filter(e -> all || viewer.equals(e.site())).toList());
        } catch (SQLException e) {
            status = 503;
            body.put("status", "DOWN");
            body.put("problems", List.of("store: " + e.getMessage()));
        }
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writerWithDefaultPrettyPrinter().writeValue(resp.getOutputStream(), body);
    }

    /** The common name of the TLS client's certificate (a site id, or the monitor's); empty when there is none. */
    private static String viewer(HttpServletRequest req) {
        Object chain = req.getAttribute("jakarta.servlet.request.X509Certificate");
        if (chain instanceof X509Certificate[] certs && certs.length > 0) {
            return Certificates.commonName(certs[0].getSubjectX500Principal());
        }
        return "";
    }

    static List<Map<String, Object>> sites(CollatorStore store) throws SQLException {
        List<Site> sites = store.sites().list();
        List<long[]> counts = store.sites().batchCounts(sites);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("site", s.id());
            m.put("status", s.status());
            m.put("certificateNotAfter", s.notAfter());
            m.put("certificateExpired", Instant.parse(s.notAfter()).isBefore(Instant.now()));
            m.put("batches", counts.get(i)[0]);
            m.put("lastSequence", counts.get(i)[1]);
            out.add(m);
        }
        return out;
    }
}
