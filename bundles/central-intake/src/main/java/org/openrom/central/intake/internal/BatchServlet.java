package org.openrom.central.intake.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /collator/batches/{site}/{batchId}} (ADR 0004): 201 or 200 with the signed receipt
 * ({@code application/pkcs7-mime; smime-type=signed-data}), or {@code {"code":"CI-…","message":"…"}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/batches/*")
@HttpWhiteboardContextSelect(CollatorContext.SELECT)
public final class BatchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RECEIPT_TYPE = "application/pkcs7-mime; smime-type=signed-data";

    private final transient BatchIntake intake;

    @Activate
    public BatchServlet(@Reference BatchIntake intake) {
        this.intake = intake;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if (!"PUT".equals(req.getMethod())) {
                resp.setHeader("Allow", "PUT");
                throw new IntakeException(ErrorCode.METHOD_NOT_ALLOWED, req.getMethod() + " is not allowed here; PUT a batch");
            }
            String path = req.getPathInfo() == null ? "" : req.getPathInfo();
            String[] parts = path.split("/", -1);
            if (parts.length != 3 || !parts[0].isEmpty()) {
                throw new IntakeException(ErrorCode.BAD_PATH, "use PUT /collator/batches/{site}/{batchId}, not " + path);
            }
            BatchIntake.Answer a = intake.receive(new BatchIntake.Upload(parts[1], parts[2], req.getContentType(),
                    req.getContentLengthLong(), req.getHeader("Content-Digest"),
                    (X509Certificate[]) req.getAttribute("jakarta.servlet.request.X509Certificate"), req.getInputStream()));
            resp.setStatus(a.status());
            resp.setContentType(RECEIPT_TYPE);
            resp.setContentLength(a.receipt().length);
            resp.getOutputStream().write(a.receipt());
        } catch (IntakeException e) {
            LOG.info("Refused a batch PUT: {} {}", e.code().code(), e.getMessage());
            error(resp, e.status(), e.code(), e.getMessage());
        } catch (SQLException e) {
            LOG.warn("Collator store failed: {}", e.getMessage());
            error(resp, 503, ErrorCode.STORE_FAILED, "the collator's store failed; send the batch again (a batch is never stored twice)");
        } catch (RuntimeException e) {
            LOG.error("Batch PUT failed with {}", e.getClass().getName(), e);
            error(resp, 500, ErrorCode.INTERNAL, "the collator failed (" + e.getClass().getSimpleName() + "); send the batch again");
        }
    }

    static void error(HttpServletResponse resp, int status, ErrorCode code, String message) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        // The body may be unread (refused before reading it): the connection cannot be reused.
        resp.setHeader("Connection", "close");
        JSON.writeValue(resp.getOutputStream(), Map.of("code", code.code(), "message", message));
    }
}
