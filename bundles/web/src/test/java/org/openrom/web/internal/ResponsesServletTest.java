package org.openrom.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.host.Host;
import org.osgi.util.converter.Converters;

/** The servlet's mapping of refusals to statuses, headers and OperationOutcomes, before any body is read. */
class ResponsesServletTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final HttpServletResponse resp = mock(HttpServletResponse.class);

    private ResponsesServlet servlet(TestSite site) {
        Host host = mock(Host.class);
        when(host.authenticate(any(), any())).thenReturn(Optional.of(TestSite.SAM));
        BasicAuthenticator auth = new BasicAuthenticator(Converters.standardConverter().convert(Map.of())
                .to(BasicAuthenticator.Config.class), host);
        return new ResponsesServlet(auth, new BodyLimits(), site.intake());
    }

    private HttpServletRequest request(String method, String contentType, boolean signedIn) throws Exception {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn(method);
        when(req.getContentType()).thenReturn(contentType);
        when(req.getContentLengthLong()).thenReturn(-1L);
        when(req.getHeader("Authorization")).thenReturn(signedIn
                ? "Basic " + Base64.getEncoder().encodeToString("clinician:x".getBytes(StandardCharsets.UTF_8)) : null);
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {}
        });
        return req;
    }

    @Test
    void otherMethodsAre405WithAllowPost() throws Exception {
        try (TestSite site = new TestSite(dir)) {
            servlet(site).service(request("GET", null, true), resp);
        }
        verify(resp).setStatus(405);
        verify(resp).setHeader("Allow", "POST");
        verify(resp).setContentType("application/fhir+json");
        assertThat(written.toString(StandardCharsets.UTF_8)).contains("API-1006");
    }

    @Test
    void noCredentialsAre401WithABasicChallengeBeforeAnythingElse() throws Exception {
        try (TestSite site = new TestSite(dir)) {
            servlet(site).service(request("POST", "text/plain", false), resp);
        }
        verify(resp).setStatus(401);
        verify(resp).setHeader("WWW-Authenticate", BasicAuthenticator.CHALLENGE);
        assertThat(written.toString(StandardCharsets.UTF_8)).contains("\"code\":\"login\"");
    }

    @Test
    void aContentTypeOtherThanJsonIs415() throws Exception {
        try (TestSite site = new TestSite(dir)) {
            servlet(site).service(request("POST", "text/plain", true), resp);
        }
        verify(resp).setStatus(415);
        assertThat(written.toString(StandardCharsets.UTF_8)).contains("API-1005").contains("text/plain");
    }
}
