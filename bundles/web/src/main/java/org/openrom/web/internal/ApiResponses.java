package org.openrom.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Writes JSON answers and OperationOutcomes, never cached by browsers or proxies. */
final class ApiResponses {
    static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {}

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        write(resp, status, "application/json", body);
    }

    static void error(HttpServletResponse resp, ApiException e, @Nullable JsonNode submitted) throws IOException {
        if (e.status() == 401) {
            resp.setHeader("WWW-Authenticate", BasicAuthenticator.CHALLENGE);
        }
        if (e.status() == 503 || e.status() == 413) {
            resp.setHeader("Connection", "close");
        }
        write(resp, e.status(), FHIR_JSON, OperationOutcomes.of(e.issues(), submitted));
    }

    private static void write(HttpServletResponse resp, int status, String type, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
