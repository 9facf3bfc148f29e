package org.openrom.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.QuestionnaireResponses;
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
 * {@code POST /openrom/api/responses} ({@code application/fhir+json}): HTTP Basic sign-in, the body limits before
 * any parsing, then {@link ResponseIntake}. 201 with the score set, change and alerts once the response is
 * durably stored; 200 with the same body for a repeat; 4xx with an OperationOutcome otherwise.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/responses")
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class ResponsesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResponsesServlet.class);

    private final transient BasicAuthenticator auth;
    private final transient BodyLimits limits;
    private final transient ResponseIntake intake;

    @Activate
    public ResponsesServlet(
            @Reference BasicAuthenticator auth,
            @Reference QuestionnaireResponses fhir,
            @Reference ScoringService scoring,
            @Reference ResponseStore store,
            @Reference Host host) {
        this(auth, new BodyLimits(), new ResponseIntake(fhir, new Rescorer(fhir, scoring), store, host));
    }

    ResponsesServlet(BasicAuthenticator auth, BodyLimits limits, ResponseIntake intake) {
        this.auth = auth;
        this.limits = limits;
        this.intake = intake;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = null;
        try {
            if (!"POST".equals(req.getMethod())) {
                resp.setHeader("Allow", "POST");
                throw new ApiException(405, ErrorCode.METHOD_NOT_ALLOWED,
                        req.getMethod() + " is not allowed here; POST a QuestionnaireResponse");
            }
            Clinician who = auth.signIn(req.getHeader("Authorization"));
            requireJson(req.getContentType());
            body = limits.read(req::getInputStream, req.getContentLengthLong(),
                    "100-continue".equalsIgnoreCase(String.valueOf(req.getHeader("Expect")).strip()));
            limits.checkJson(body);
            ResponseIntake.Result result = intake.submit(who, body);
            ApiResponses.json(resp, result.stored() ? 201 : 200, result.body());
        } catch (ApiException e) {
            ApiResponses.error(resp, e, submitted(e, body));
        } catch (UncheckedIOException e) {
            LOG.warn("saving a response failed: {}", e.getMessage());
            ApiResponses.error(resp, new ApiException(503, ErrorCode.STORE_FAILED,
                    "the store could not be written or read; send the response again (an id is never stored twice)"), null);
        } catch (RuntimeException e) {
            // Class name only: messages may quote answers, which never go into a log.
            LOG.error("request failed with {}", e.getClass().getName());
            ApiResponses.error(resp, new ApiException(500, ErrorCode.INTERNAL,
                    "internal error (" + e.getClass().getSimpleName() + "); sending the response again is safe (an id is"
                            + " never stored twice)"), null);
        }
    }

    private static void requireJson(@Nullable String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(ApiResponses.FHIR_JSON) && !type.equals("application/json")) {
            throw new ApiException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the response as application/fhir+json, not '" + (contentType == null ? "" : contentType) + "'");
        }
    }

    /** The body as a tree, only when an issue names an item (then the body is within the limits). */
    private static @Nullable JsonNode submitted(ApiException e, @Nullable String body) {
        if (body == null || e.issues().stream().allMatch(i -> i.linkId() == null)) {
            return null;
        }
        try {
            return ResponseIntake.tree(body);
        } catch (IllegalStateException notJson) {
            return null;
        }
    }
}
