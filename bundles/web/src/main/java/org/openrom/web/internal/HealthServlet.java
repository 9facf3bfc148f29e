package org.openrom.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Host;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.StoreStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
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
 * {@code GET /openrom/api/health}: 200 when every bundle is active and the store, FHIR and host services
 * are up; 503 with the problems otherwise. The services are optional, dynamic references on purpose: the
 * health endpoint must answer (503) exactly when one of them is missing.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/health")
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STATES = {"UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING", "STOPPING", "ACTIVE"};

    private final transient BundleContext context;
    private final String version;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient @Nullable ResponseStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient @Nullable QuestionnaireResponses fhir;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient @Nullable Host host;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
        String v = context.getProperty("openrom.version");
        this.version = v != null ? v : context.getBundle().getVersion().toString();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HealthReport report = report();
        resp.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writerWithDefaultPrettyPrinter().writeValue(resp.getOutputStream(), report.body());
    }

    HealthReport report() {
        List<HealthReport.BundleState> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            int bit = Integer.numberOfTrailingZeros(b.getState());
            BundleRevision revision = b.adapt(BundleRevision.class);
            boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            bundles.add(new HealthReport.BundleState(
                    String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                    bit < STATES.length ? STATES[bit] : "UNKNOWN", fragment));
        }
        Map<String, Boolean> services = new LinkedHashMap<>();
        services.put("fhir", fhir != null);
        services.put("host", host != null);
        services.put("store", store != null);
        ResponseStore s = store;
        StoreStatus status = null;
        String storeError = null;
        if (s != null) {
            try {
                status = s.status();
            } catch (RuntimeException e) {
                LOG.warn("store status failed", e);
                storeError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return HealthReport.of(version, bundles, services, status, storeError);
    }
}
