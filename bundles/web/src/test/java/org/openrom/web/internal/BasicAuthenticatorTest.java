package org.openrom.web.internal;

import org.openrom.web.internal.page.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Host;
import org.osgi.util.converter.Converters;

class BasicAuthenticatorTest {
    private static final Clinician SAM = new Clinician("clinician", "Dr Sam Demo", Clinician.Role.CLINICIAN);
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final Host host = mock(Host.class);

    BasicAuthenticatorTest() {
        when(host.authenticate(any(), any())).thenAnswer(inv -> {
            String user = inv.getArgument(0);
            char[] password = inv.getArgument(1);
            return user.equals("clinician") && Arrays.equals(password, "openrom-demo".toCharArray())
                    ? Optional.of(SAM) : Optional.empty();
        });
    }

    private BasicAuthenticator authenticator(int cacheSeconds, int cacheEntries) {
        BasicAuthenticator.Config config = Converters.standardConverter()
                .convert(Map.of("cacheSeconds", cacheSeconds, "cacheEntries", cacheEntries))
                .to(BasicAuthenticator.Config.class);
        return new BasicAuthenticator(config, host, clock, Duration.ofSeconds(10));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void checksThePasswordWithTheHostOnceThenRemembersItUntilTheTimeToLiveEnds() {
        BasicAuthenticator auth = authenticator(300, 100);
        assertThat(auth.signIn(basic("clinician", "openrom-demo"))).isEqualTo(SAM);
        assertThat(auth.signIn(basic("clinician", "openrom-demo"))).isEqualTo(SAM);
        verify(host, times(1)).authenticate(eq("clinician"), any());
        clock.advance(Duration.ofSeconds(300));
        assertThat(auth.signIn(basic("clinician", "openrom-demo"))).isEqualTo(SAM);
        verify(host, times(2)).authenticate(eq("clinician"), any());
    }

    @Test
    void controlWithoutTheCacheEverySignInCostsAHostCheck() {
        BasicAuthenticator auth = authenticator(0, 100);
        auth.signIn(basic("clinician", "openrom-demo"));
        auth.signIn(basic("clinician", "openrom-demo"));
        verify(host, times(2)).authenticate(eq("clinician"), any());
    }

    @Test
    void neverRemembersAFailureAndAnsweredWrongPasswordsWith401AndAChallenge() {
        BasicAuthenticator auth = authenticator(300, 100);
        for (int i = 0; i < 2; i++) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> auth.signIn(basic("clinician", "wrong")));
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.issues().get(0).code()).isEqualTo("API-1101");
        }
        verify(host, times(2)).authenticate(eq("clinician"), any());
        // A cached right password does not let a wrong one in.
        auth.signIn(basic("clinician", "openrom-demo"));
        assertThat(catchThrowableOfType(ApiException.class, () -> auth.signIn(basic("clinician", "openrom-demo2")))
                .status()).isEqualTo(401);
        assertThat(BasicAuthenticator.CHALLENGE).startsWith("Basic realm=");
    }

    @Test
    void refusesMissingOrMalformedCredentialsWithoutAskingTheHost() {
        BasicAuthenticator auth = authenticator(300, 100);
        for (String header : new String[] {null, "Bearer abc", "Basic !!!", "Basic " + Base64.getEncoder()
                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))}) {
            assertThat(catchThrowableOfType(ApiException.class, () -> auth.signIn(header)).status())
                    .as(String.valueOf(header)).isEqualTo(401);
        }
        verify(host, times(0)).authenticate(any(), any());
    }

    @Test
    void theCacheIsBoundedAndKeyedByAKeyedHashNeverThePassword() {
        CredentialCache cache = new CredentialCache(clock, Duration.ofMinutes(5), 2);
        cache.remember("a", "pa".toCharArray(), SAM);
        cache.remember("b", "pb".toCharArray(), SAM);
        cache.remember("c", "pc".toCharArray(), SAM);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.find("a", "pa".toCharArray())).isEmpty();
        assertThat(cache.find("c", "pc".toCharArray())).contains(SAM);
        String key = cache.keyOf("clinician", "openrom-demo".toCharArray());
        assertThat(key).hasSize(64).doesNotContain("openrom").isEqualTo(cache.keyOf("clinician", "openrom-demo".toCharArray()));
        assertThat(new CredentialCache(clock, Duration.ofMinutes(5), 2).keyOf("clinician", "openrom-demo".toCharArray()))
                .as("a fresh random key per cache").isNotEqualTo(key);
        // The user name is length-prefixed: "ab" + "c" and "a" + "bc" are different credentials.
        assertThat(cache.keyOf("ab", "c".toCharArray())).isNotEqualTo(cache.keyOf("a", "bc".toCharArray()));
    }

    @Test
    void boundsConcurrentPasswordChecksAnd503sTheOneThatWaitsTooLong() throws Exception {
        assertThat(secondSignInWhileTheFirstIsChecking(1)).isEqualTo(503);
        // Control: with room for two checks the same second sign-in goes through to the host.
        assertThat(secondSignInWhileTheFirstIsChecking(2)).isEqualTo(401);
    }

    /** Holds one password check open in the host, tries a second sign-in; returns its status. */
    private int secondSignInWhileTheFirstIsChecking(int concurrentChecks) throws Exception {
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Host slow = mock(Host.class);
        when(slow.authenticate(eq("slow"), any())).thenAnswer(inv -> {
            checking.countDown();
            release.await();
            return Optional.empty();
        });
        when(slow.authenticate(eq("other"), any())).thenReturn(Optional.empty());
        BasicAuthenticator auth = new BasicAuthenticator(Converters.standardConverter()
                .convert(Map.of("concurrentChecks", concurrentChecks)).to(BasicAuthenticator.Config.class),
                slow, clock, Duration.ofMillis(200));
        Thread first = new Thread(() -> catchThrowableOfType(ApiException.class, () -> auth.signIn(basic("slow", "p"))));
        first.start();
        try {
            assertThat(checking.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            return catchThrowableOfType(ApiException.class, () -> auth.signIn(basic("other", "p"))).status();
        } finally {
            release.countDown();
            first.join(10_000);
        }
    }

    @Test
    void rejectsABadConfigurationNamingTheProperty() {
        BasicAuthenticator.Config config = Converters.standardConverter()
                .convert(Map.of("concurrentChecks", 0)).to(BasicAuthenticator.Config.class);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new BasicAuthenticator(config, host, clock, Duration.ofSeconds(1))))
                .hasMessageContaining("concurrentChecks").hasMessageContaining("0");
    }
}
