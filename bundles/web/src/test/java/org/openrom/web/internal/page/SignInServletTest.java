package org.openrom.web.internal.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Host;
import org.openrom.web.internal.BasicAuthenticator;
import org.osgi.util.converter.Converters;

class SignInServletTest {
    private static final Clinician ADMIN = new Clinician("admin", "Site Admin", Clinician.Role.SITE_ADMIN);

    private final Host host = mock(Host.class);
    private final WebSessions sessions = new WebSessions(WebSessionsTest.config(Map.of()),
            new TestClock(Instant.parse("2026-03-01T09:00:00Z")));
    private final SignInServlet servlet;

    SignInServletTest() {
        when(host.authenticate(any(), any())).thenReturn(Optional.empty());
        when(host.authenticate(eq("clinician"), any())).thenAnswer(a ->
                new String(a.getArgument(1, char[].class)).equals("right") ? Optional.of(WebSessionsTest.SAM) : Optional.empty());
        when(host.authenticate(eq("admin"), any())).thenReturn(Optional.of(ADMIN));
        BasicAuthenticator auth = new BasicAuthenticator(Converters.standardConverter().convert(Map.of())
                .to(BasicAuthenticator.Config.class), host);
        servlet = new SignInServlet(auth, sessions, new Pages(new Templates()));
    }

    private Exchange form() throws Exception {
        Exchange get = Exchange.of("GET", "/signin", null, Map.of(), Map.of());
        servlet.service(get.req, get.resp);
        return get;
    }

    private Exchange post(String user, String password, String csrfField, String csrfCookie) throws Exception {
        Exchange x = Exchange.of("POST", "/signin", null, Map.of("username", user, "password", password, "csrf", csrfField),
                Map.of(Csrf.COOKIE, csrfCookie));
        servlet.service(x.req, x.resp);
        return x;
    }

    @Test
    void theFormIsAccessibleHtmlWithTheHooksAndADoubleSubmitToken() throws Exception {
        Exchange get = form();
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(get.header("Cache-Control")).isEqualTo("no-store");
        String html = get.body();
        assertThat(html).contains("<html lang=\"en\">").contains("href=\"#main\"").contains("<main id=\"main\"")
                .contains("<label for=\"username\">").contains("id=\"password\"").contains("<button type=\"submit\" id=\"submit\">")
                .contains("/openrom/static/openrom.css");
        String cookie = get.cookie(Csrf.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(get.csrfField()).isEqualTo(cookie);
        assertThat(get.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/openrom");
    }

    @Test
    void theRightPasswordStartsASessionAndGoesToTheCaseload() throws Exception {
        String token = form().cookie(Csrf.COOKIE);
        Exchange x = post("clinician", "right", token, token);
        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).isEqualTo("/openrom/caseload");
        String id = x.cookie(WebSessions.COOKIE);
        Exchange next = Exchange.of("GET", "/caseload", null, Map.of(), Map.of(WebSessions.COOKIE, id));
        assertThat(sessions.find(next.req)).get().extracting(s -> s.clinician().id()).isEqualTo("clinician");
    }

    @Test
    void aWrongPasswordIs200WithAnErrorThatDoesNotSayWhichPartWasWrong() throws Exception {
        String token = form().cookie(Csrf.COOKIE);
        Exchange wrongPassword = post("clinician", "wrong", token, token);
        Exchange unknownUser = post("nobody", "right", token, token);
        assertThat(wrongPassword.status()).isEqualTo(200);
        assertThat(wrongPassword.cookie(WebSessions.COOKIE)).isNull();
        assertThat(wrongPassword.body()).contains("The user name or password is not right.").contains("value=\"clinician\"");
        assertThat(unknownUser.body().replace("nobody", "clinician")).isEqualTo(wrongPassword.body()
                .replace(wrongPassword.csrfField(), unknownUser.csrfField()));
    }

    @Test
    void aSignInPostWithoutTheCsrfTokenIs403AndNeverChecksThePassword() throws Exception {
        String token = form().cookie(Csrf.COOKIE);
        Exchange missing = post("clinician", "right", "", token);
        Exchange wrong = post("clinician", "right", "x" + token.substring(1), token);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(missing.cookie(WebSessions.COOKIE)).isNull();
        verify(host, never()).authenticate(eq("clinician"), any());
        // Control: the same post with the token signs in, so the 403 came from the token alone.
        assertThat(post("clinician", "right", token, token).status()).isEqualTo(303);
    }

    @Test
    void aSiteAdminCannotSignInToTheClinicalPages() throws Exception {
        String token = form().cookie(Csrf.COOKIE);
        Exchange x = post("admin", "any", token, token);
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.cookie(WebSessions.COOKIE)).isNull();
        assertThat(x.body()).contains("not a clinician");
    }

    @Test
    void typedInputIsEscapedWhenShownAgain() throws Exception {
        String token = form().cookie(Csrf.COOKIE);
        Exchange x = post("\"><script>alert(1)</script>", "wrong", token, token);
        assertThat(x.body()).doesNotContain("<script>").contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\"");
    }

    @Test
    void signOutNeedsTheSessionTokenThenEndsTheSession() throws Exception {
        String token = form().cookie(Csrf.COOKIE);
        String id = post("clinician", "right", token, token).cookie(WebSessions.COOKIE);
        Exchange probe = Exchange.of("GET", "/caseload", null, Map.of(), Map.of(WebSessions.COOKIE, id));
        WebSession s = sessions.find(probe.req).orElseThrow();
        Exchange forged = Exchange.of("POST", "/signout", null, Map.of(), Map.of(WebSessions.COOKIE, id));
        servlet.service(forged.req, forged.resp);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(sessions.find(probe.req)).isPresent();
        Exchange out = Exchange.of("POST", "/signout", null, Map.of("csrf", s.csrf()), Map.of(WebSessions.COOKIE, id));
        servlet.service(out.req, out.resp);
        assertThat(out.status()).isEqualTo(303);
        assertThat(sessions.find(probe.req)).isEmpty();
    }

    @Test
    void theRootSendsToSignInOrTheCaseloadAndUnknownPathsAreNotFound() throws Exception {
        Exchange anon = Exchange.of("GET", "", "/", Map.of(), Map.of());
        servlet.service(anon.req, anon.resp);
        assertThat(anon.header("Location")).isEqualTo("/openrom/signin");
        Exchange unknown = Exchange.of("GET", "", "/nothing-here", Map.of(), Map.of());
        servlet.service(unknown.req, unknown.resp);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Not found");
    }
}
