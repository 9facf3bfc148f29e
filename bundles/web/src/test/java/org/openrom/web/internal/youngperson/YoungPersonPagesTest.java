package org.openrom.web.internal.youngperson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.openrom.web.internal.youngperson.YoungPersonSite.P1;
import static org.openrom.web.internal.youngperson.YoungPersonSite.P2;
import static org.openrom.web.internal.youngperson.YoungPersonSite.SAM;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.web.internal.page.Exchange;
import org.openrom.web.internal.page.WebSession;

/** The link page, the kiosk and the clinician's link page, over the servlets with real store, scoring and HAPI. */
class YoungPersonPagesTest {
    static final String GOAL = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    private YoungPersonSite site;
    private YoungPersonServlet yp;
    private KioskServlet kiosk;
    private LinksPatientPage links;

    @BeforeEach
    void start() throws Exception {
        site = new YoungPersonSite(dir);
        yp = new YoungPersonServlet(site.tokens, site.own());
        kiosk = new KioskServlet(site.tokens, site.own(), site.sessions);
        links = new LinksPatientPage(site.tokens, site.store, site.pages, java.time.ZoneOffset.UTC);
        site.save(QrJson.phq9("a1", "p1", "2026-01-10T10:00:00Z", 2));
        site.save(QrJson.phq9("a2", "p1", "2026-02-10T10:00:00Z", 1));
        site.save(QrJson.of("a3", "p1", "gbo", "2026-01-10T10:05:00Z", "goal-1-text", GOAL, "goal-1", 3));
        site.save(QrJson.phq9("b1", "p2", "2026-01-11T10:00:00Z", 3));
        site.save(QrJson.of("b2", "p2", "gbo", "2026-01-11T10:05:00Z", "goal-1-text", "Ben's own goal", "goal-1", 5));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Exchange get(String token) throws Exception {
        Exchange x = Exchange.of("GET", "/yp", "/" + token, Map.of(), Map.of());
        yp.service(x.req, x.resp);
        return x;
    }

    private Exchange notFoundReference() throws Exception {
        return get("nothing-here");
    }

    @Test
    void aLinkShowsThatYoungPersonsOwnChartsAndNothingElseAndIsAudited() throws Exception {
        String token = site.tokens.issue("p1").token();
        Exchange x = get(token);
        assertThat(x.status()).isEqualTo(200);
        String html = x.body();
        assertThat(html).contains("<h1>Hello Amara</h1>").doesNotContain("Khan").doesNotContain("9990000018")
                .doesNotContain("Ben").doesNotContain("Jones").doesNotContain("Ben&#39;s own goal")
                .doesNotContain("Sign out").doesNotContain("/openrom/caseload");
        assertThat(html).contains("<figure class=\"chart chart-young-person\" id=\"yp-phq9-total\" data-measure=\"phq9\"")
                .contains("<figure class=\"chart chart-young-person\" id=\"yp-gbo-goals\" data-measure=\"gbo\"")
                .contains("<table class=\"chart-data\">").contains("Your scores over time").contains("Lower is better");
        assertThat(html).doesNotContain(GOAL).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("data-value=\"16\"").contains("data-value=\"8\"").doesNotContain("data-value=\"24\"");
        java.nio.file.Files.writeString(Path.of("target", "young-person.html"), html);
        assertThat(x.header("Cache-Control")).isEqualTo("no-store");
        assertThat(x.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(site.audit()).contains("young-person view patient/p1").noneMatch(r -> r.contains("patient/p2"));
    }

    @Test
    void expiredForgedRevokedAndOtherPathsAllGetTheSameNotFound() throws Exception {
        Exchange reference = notFoundReference();
        assertThat(reference.status()).isEqualTo(404);
        assertThat(reference.body()).contains("Not found");
        String token = site.tokens.issue("p1").token();
        String forged = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        for (String path : new String[] {forged, token + "/p2", "p2", "p1", "", token.substring(0, 20)}) {
            Exchange x = get(path);
            assertThat(x.status()).as(path).isEqualTo(404);
            assertThat(x.body()).as(path).isEqualTo(reference.body());
        }
        Exchange post = Exchange.of("POST", "/yp", "/" + token, Map.of(), Map.of());
        yp.service(post.req, post.resp);
        assertThat(post.status()).isEqualTo(404);
        assertThat(get(token).status()).isEqualTo(200); // control: the real token still works
        site.clock.advance(Duration.ofMinutes(30));
        assertThat(get(token).body()).isEqualTo(reference.body());
        String revoked = site.tokens.issue("p1").token();
        site.tokens.revoke("p1");
        assertThat(get(revoked).body()).isEqualTo(reference.body());
        String unknown = site.tokens.issue("p9").token(); // a young person the host no longer knows
        assertThat(get(unknown).body()).isEqualTo(reference.body());
        assertThat(site.audit()).filteredOn(r -> r.startsWith("young-person")).hasSize(1);
    }

    private Exchange kioskPost(String code, String csrfField, String cookie, String address) throws Exception {
        Exchange x = Exchange.of("POST", "/kiosk", null, Map.of("code", code, "csrf", csrfField),
                Map.of("OPENROM_CSRF", cookie));
        when(x.req.getRemoteAddr()).thenReturn(address);
        kiosk.service(x.req, x.resp);
        return x;
    }

    @Test
    void theKioskTakesACodeOnceAndAnswersEverythingElseWithNotFound() throws Exception {
        Exchange form = Exchange.of("GET", "/kiosk", null, Map.of(), Map.of());
        kiosk.service(form.req, form.resp);
        assertThat(form.body()).contains("<label for=\"code\">").contains("<button type=\"submit\" id=\"submit\">");
        java.nio.file.Files.writeString(Path.of("target", "kiosk.html"), form.body());
        String csrf = form.csrfField();
        assertThat(form.cookie("OPENROM_CSRF")).isEqualTo(csrf);
        String code = site.tokens.issue("p2").kioskCode();

        assertThat(kioskPost(code, "forged", csrf, "10.0.0.5").status()).isEqualTo(403); // CSRF first
        Exchange ok = kioskPost(code.toLowerCase(), csrf, csrf, "10.0.0.5");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("<h1>Hello Ben</h1>").contains("Ben&#39;s own goal").doesNotContain("Amara")
                .doesNotContain("&lt;script&gt;");
        Exchange again = kioskPost(code, csrf, csrf, "10.0.0.5");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo(notFoundReference().body());
        assertThat(site.audit()).contains("young-person view patient/p2");
    }

    @Test
    void theKioskStopsGuessesFromOneAddressWithTheSameNotFound() throws Exception {
        String csrf = "c".repeat(43);
        String code = site.tokens.issue("p1").kioskCode();
        for (int n = 0; n < 5; n++) {
            assertThat(kioskPost("22222222", csrf, csrf, "10.0.0.66").status()).isEqualTo(404);
        }
        Exchange locked = kioskPost(code, csrf, csrf, "10.0.0.66");
        assertThat(locked.status()).isEqualTo(404);
        assertThat(locked.body()).isEqualTo(notFoundReference().body());
        assertThat(kioskPost(code, csrf, csrf, "10.0.0.67").status()).isEqualTo(200); // the code itself was fine
    }

    private WebSession clinician() {
        Exchange signIn = Exchange.of("POST", "/signin", null, Map.of(), Map.of());
        return site.sessions.startClinician(SAM, signIn.req, signIn.resp);
    }

    @Test
    void aClinicianIssuesALinkAndACodeForOneYoungPersonThatWorkOnlyForThem() throws Exception {
        WebSession s = clinician();
        Exchange x = Exchange.of("POST", "/patients", "/p1/links", Map.of("csrf", s.csrf()), Map.of());
        when(x.req.getScheme()).thenReturn("https");
        when(x.req.getServerName()).thenReturn("rom.example.nhs.uk");
        when(x.req.getServerPort()).thenReturn(443);
        links.serve(x.req, x.resp, s, P1, "");
        assertThat(x.status()).isEqualTo(200);
        Matcher link = Pattern.compile("id=\"yp-link\" href=\"https://rom\\.example\\.nhs\\.uk/openrom/yp/([A-Za-z0-9_-]{43})\"")
                .matcher(x.body());
        assertThat(link.find()).isTrue();
        Matcher code = Pattern.compile("id=\"kiosk-code\">([A-Z0-9]{8})</strong>").matcher(x.body());
        assertThat(code.find()).isTrue();
        java.nio.file.Files.writeString(Path.of("target", "links.html"), x.body());
        assertThat(x.body()).contains("30 minutes").contains("10 minutes").contains("name=\"csrf\" value=\"" + s.csrf());
        assertThat(site.audit()).contains("clinician young-person.link-issued patient/p1");

        assertThat(get(link.group(1)).body()).contains("Hello Amara").doesNotContain("Ben");
        assertThat(site.tokens.redeem(code.group(1), "10.0.0.9")).contains("p1");

        Exchange revoke = Exchange.of("POST", "/patients", "/p1/links", Map.of("csrf", s.csrf(), "action", "revoke"),
                Map.of());
        links.serve(revoke.req, revoke.resp, s, P1, "");
        assertThat(revoke.body()).contains("id=\"revoked\"");
        assertThat(get(link.group(1)).status()).isEqualTo(404);
        assertThat(site.audit()).contains("clinician young-person.links-revoked patient/p1");
    }

    @Test
    void theLinksPageBeforeIssuingHasTheFormAndNoLink() throws Exception {
        WebSession s = clinician();
        Exchange x = Exchange.of("GET", "/patients", "/p2/links", Map.of(), Map.of());
        links.serve(x.req, x.resp, s, P2, "");
        assertThat(x.body()).contains("action=\"/openrom/patients/p2/links\"").doesNotContain("id=\"yp-link\"")
                .doesNotContain("id=\"kiosk-code\"");
        assertThat(site.tokens.outstanding()).isZero();
        Exchange deeper = Exchange.of("GET", "/patients", "/p2/links/x", Map.of(), Map.of());
        links.serve(deeper.req, deeper.resp, s, P2, "/x");
        assertThat(deeper.status()).isEqualTo(404);
    }

    @Test
    void theHandOverThankYouGetsTheSamePlainChartsAsContent() throws Exception {
        assertThat(site.progress.contents(P1)).hasSize(2);
        assertThat(site.progress.figures(P2)).extracting(f -> f.measure()).containsExactly("phq9", "gbo");
        assertThat(site.audit()).contains("young-person view patient/p1", "young-person view patient/p2");
    }
}
