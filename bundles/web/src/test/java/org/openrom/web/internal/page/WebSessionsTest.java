package org.openrom.web.internal.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrom.api.host.Clinician;
import org.osgi.util.converter.Converters;

class WebSessionsTest {
    static final Clinician SAM = new Clinician("clinician", "Dr Sam Demo", Clinician.Role.CLINICIAN);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));

    static WebSessions.Config config(Map<String, Object> values) {
        return Converters.standardConverter().convert(values).to(WebSessions.Config.class);
    }

    private WebSessions sessions(Map<String, Object> values) {
        return new WebSessions(config(values), clock);
    }

    private static Exchange with(String cookie) {
        return Exchange.of("GET", "/caseload", null, Map.of(), cookie == null ? Map.of() : Map.of(WebSessions.COOKIE, cookie));
    }

    @Test
    void setsAnHttpOnlySameSiteStrictCookieUnderOpenromAndFindsTheSessionByIt() {
        WebSessions sessions = sessions(Map.of());
        Exchange signIn = with(null);
        WebSession s = sessions.startClinician(SAM, signIn.req, signIn.resp);
        assertThat(signIn.header("Set-Cookie")).isEqualTo(WebSessions.COOKIE + "=" + s.id()
                + "; Path=/openrom; HttpOnly; SameSite=Strict");
        assertThat(s.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(s.csrf()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(s.id());
        assertThat(sessions.find(with(s.id()).req)).containsSame(s);
        assertThat(sessions.find(with("forged").req)).isEmpty();
    }

    @Test
    void signingInRotatesTheIdAndEndsTheSessionTheRequestCarried() {
        WebSessions sessions = sessions(Map.of());
        Exchange first = with(null);
        WebSession old = sessions.startClinician(SAM, first.req, first.resp);
        Exchange again = with(old.id());
        WebSession fresh = sessions.startClinician(SAM, again.req, again.resp);
        assertThat(fresh.id()).isNotEqualTo(old.id());
        assertThat(sessions.find(with(old.id()).req)).isEmpty();
        assertThat(sessions.find(with(fresh.id()).req)).containsSame(fresh);
    }

    @Test
    void aSessionIdleForTheConfiguredMinutesEndsAndUseKeepsItAlive() {
        WebSessions sessions = sessions(Map.of("idleMinutes", 30));
        Exchange x = with(null);
        WebSession s = sessions.startClinician(SAM, x.req, x.resp);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(with(s.id()).req)).as("used at 29 minutes").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(with(s.id()).req)).as("29 minutes after the last use").isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(with(s.id()).req)).as("30 idle minutes").isEmpty();
    }

    @Test
    void aHandOverEndsTheClinicianSessionAndGetsANewId() {
        WebSessions sessions = sessions(Map.of());
        Exchange x = with(null);
        WebSession clinician = sessions.startClinician(SAM, x.req, x.resp);
        Exchange h = with(clinician.id());
        WebSession handover = sessions.startHandover(clinician, new WebSession.Handover("p1", "p1-e1", "phq9"), h.resp);
        assertThat(handover.isHandover()).isTrue();
        assertThat(handover.handover().measureId()).isEqualTo("phq9");
        assertThat(h.cookie(WebSessions.COOKIE)).isEqualTo(handover.id());
        assertThat(sessions.find(with(clinician.id()).req)).isEmpty();
        assertThatThrownBy(() -> sessions.startHandover(handover, handover.handover(), h.resp))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signOutEndsTheSessionAndExpiresTheCookie() {
        WebSessions sessions = sessions(Map.of("secureCookie", true));
        Exchange x = with(null);
        WebSession s = sessions.startClinician(SAM, x.req, x.resp);
        assertThat(x.header("Set-Cookie")).endsWith("; Secure");
        Exchange out = with(s.id());
        sessions.end(out.req, out.resp);
        assertThat(out.header("Set-Cookie")).contains(WebSessions.COOKIE + "=;").contains("Max-Age=0");
        assertThat(sessions.find(with(s.id()).req)).isEmpty();
    }

    @Test
    void refusesNewSessionsBeyondTheLimitUntilOldOnesExpire() {
        WebSessions sessions = sessions(Map.of("maxSessions", 2, "idleMinutes", 1));
        for (int i = 0; i < 2; i++) {
            Exchange x = with(null);
            sessions.startClinician(SAM, x.req, x.resp);
        }
        Exchange third = with(null);
        assertThatThrownBy(() -> sessions.startClinician(SAM, third.req, third.resp))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too many sessions");
        clock.advance(Duration.ofMinutes(1));
        sessions.startClinician(SAM, third.req, third.resp);
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void refusesANonPositiveIdleTimeNamingIt() {
        assertThatThrownBy(() -> sessions(Map.of("idleMinutes", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleMinutes").hasMessageContaining("0");
    }
}
