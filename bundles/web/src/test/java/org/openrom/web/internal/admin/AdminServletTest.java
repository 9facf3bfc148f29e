package org.openrom.web.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Host;
import org.openrom.web.internal.BasicAuthenticator;
import org.openrom.web.internal.page.Exchange;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.Templates;
import org.osgi.util.converter.Converters;

class AdminServletTest {
    private static final Instant NOW = Instant.parse("2026-07-02T09:00:00Z");
    private static final Clinician ADMIN = new Clinician("admin", "Site Admin", Clinician.Role.SITE_ADMIN);
    private static final Clinician SAM = new Clinician("clinician", "Dr Sam Demo", Clinician.Role.CLINICIAN);

    @TempDir
    Path tmp;

    private final Host host = mock(Host.class);

    private AdminServlet servlet(Path statusFile) {
        when(host.authenticate(any(), any())).thenReturn(Optional.empty());
        when(host.authenticate(eq("admin"), any())).thenReturn(Optional.of(ADMIN));
        when(host.authenticate(eq("clinician"), any())).thenReturn(Optional.of(SAM));
        BasicAuthenticator auth = new BasicAuthenticator(Converters.standardConverter().convert(Map.of())
                .to(BasicAuthenticator.Config.class), host);
        return new AdminServlet(statusFile, auth, new Pages(new Templates()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Exchange get(AdminServlet servlet, String user) throws Exception {
        Exchange x = Exchange.of("GET", "/admin", null, Map.of(), Map.of());
        if (user != null) {
            when(x.req.getHeader("Authorization")).thenReturn("Basic "
                    + Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8)));
        }
        servlet.service(x.req, x.resp);
        return x;
    }

    private Path status(String json) throws Exception {
        Path file = tmp.resolve("agent-status.json");
        Files.writeString(file, json);
        return file;
    }

    private static final String REPORT = """
            {"schema":"openrom-agent-status/1","site":"RXX01","generated":"2026-07-02T08:00:00Z",
             "lastSubmission":{"batchId":"b1","sequence":4,"quarter":"2026-27-Q1","state":"ACKNOWLEDGED","attempts":2,
               "lastError":null,"sealedAt":"2026-07-01T02:00:00Z","acknowledgedAt":"2026-07-01T02:00:09Z",
               "receipt":{"received":"2026-07-01T02:00:08Z"}},
             "nextSubmission":{"quarter":"2026-27-Q2","due":"2026-10-01T01:00:00Z"},
             "undelivered":[{"batchId":"b0","sequence":3,"quarter":"2025-26-Q4","state":"STOPPED","attempts":1,
               "lastError":"403 <site revoked>","sealedAt":"2026-04-01T01:00:00Z","acknowledgedAt":null}],
             "batches":[{"batchId":"b0","sequence":3,"quarter":"2025-26-Q4","state":"STOPPED","attempts":1,
               "lastError":"403 <site revoked>","sealedAt":"2026-04-01T01:00:00Z","acknowledgedAt":null},
               {"batchId":"b1","sequence":4,"quarter":"2026-27-Q1","state":"ACKNOWLEDGED","attempts":2,
               "lastError":null,"sealedAt":"2026-07-01T02:00:00Z","acknowledgedAt":"2026-07-01T02:00:09Z"}],
             "certificates":[{"role":"site","subject":"CN=RXX01","notAfter":"2026-07-20T00:00:00Z","daysLeft":17}],
             "clockSkewSeconds":1,
             "warnings":[{"code":"AG-4002","message":"batch 3 (2025-26-Q4) stopped: 403"},
               {"code":"AG-4003","message":"the site certificate expires in 17 days"}]}
            """;

    @Test
    void showsLastAndNextSubmissionUndeliveredBatchesCertificatesAndWarningsToASiteAdmin() throws Exception {
        Exchange x = get(servlet(status(REPORT)), "admin");
        assertThat(x.status()).isEqualTo(200);
        String html = x.body();
        assertThat(html).contains("id=\"last-submission\">2026-27-Q1 (batch 4)")
                .contains("2026-27-Q2, due 2026-10-01T01:00:00Z")
                .contains("<dd id=\"undelivered\">1</dd>")
                .contains("AG-4002").contains("AG-4003").contains("role=\"alert\"")
                .contains("CN=RXX01").contains(">17<");
        assertThat(html).as("text from the file is escaped").contains("403 &lt;site revoked&gt;")
                .doesNotContain("<site revoked>");
        assertThat(html.indexOf("<td>4</td>")).as("newest batch first").isLessThan(html.indexOf("<td>3</td>"));
    }

    @Test
    void aMissingStatusFileIsAWarningNotAnError() throws Exception {
        Exchange x = get(servlet(tmp.resolve("agent-status.json")), "admin");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("AD-1001").contains("has not reported yet").doesNotContain("id=\"agent-ok\"");
    }

    @Test
    void aStaleReportIsAWarning() throws Exception {
        Exchange x = get(servlet(status(REPORT.replace("2026-07-02T08:00:00Z", "2026-06-30T08:00:00Z"))), "admin");
        assertThat(x.body()).contains("AD-1003").contains("has not reported for 49 hours");
    }

    @Test
    void aQuietAgentShowsNoWarnings() throws Exception {
        String quiet = REPORT.replaceAll("(?s)\"warnings\":\\[.*\\]\\}", "\"warnings\":[]}");
        Exchange x = get(servlet(status(quiet)), "admin");
        assertThat(x.body()).contains("id=\"agent-ok\"").doesNotContain("role=\"alert\"");
    }

    @Test
    void cliniciansAreRefusedAndStrangersAskedToSignIn() throws Exception {
        AdminServlet servlet = servlet(status(REPORT));
        Exchange clinician = get(servlet, "clinician");
        assertThat(clinician.status()).isEqualTo(403);
        assertThat(clinician.body()).doesNotContain("RXX01").doesNotContain("2026-27-Q1");
        Exchange stranger = get(servlet, null);
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(stranger.body()).doesNotContain("2026-27-Q1");
    }

    @Test
    void aFileThatIsNotAStatusReportIsAWarning() throws Exception {
        Exchange x = get(servlet(status("{\"hello\":1}")), "admin");
        assertThat(x.body()).contains("AD-1002");
    }
}
