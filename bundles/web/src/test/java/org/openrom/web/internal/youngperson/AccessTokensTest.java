package org.openrom.web.internal.youngperson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openrom.web.internal.page.TestClock;
import org.osgi.util.converter.Converters;

class AccessTokensTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));

    static AccessTokens.Config config(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return Converters.standardConverter().convert(map).to(AccessTokens.Config.class);
    }

    private AccessTokens tokens(Object... pairs) {
        return new AccessTokens(config(pairs), clock, new SecureRandom());
    }

    @Test
    void aLinkIs32RandomBytesInUrlSafeBase64AndACodeIs8UnambiguousCharacters() {
        AccessTokens t = tokens();
        AccessTokens.Issued a = t.issue("p1");
        AccessTokens.Issued b = t.issue("p1");
        assertThat(a.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.token());
        assertThat(Base64.getUrlDecoder().decode(a.token())).hasSize(32);
        assertThat(a.kioskCode()).hasSize(8).matches("[" + AccessTokens.ALPHABET + "]{8}");
        assertThat(AccessTokens.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(a.linkExpires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(a.codeExpires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void aLinkNamesItsYoungPersonUntilItExpires() {
        AccessTokens t = tokens();
        String token = t.issue("p1").token();
        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(t.patientForLink(token)).contains("p1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(t.patientForLink(token)).isEmpty();
    }

    @Test
    void lifetimesAreConfigurable() {
        AccessTokens t = tokens("linkMinutes", 5, "kioskCodeMinutes", 2);
        AccessTokens.Issued i = t.issue("p1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(t.redeem(i.kioskCode(), "10.0.0.1")).isEmpty();
        assertThat(t.patientForLink(i.token())).contains("p1");
        clock.advance(Duration.ofMinutes(3));
        assertThat(t.patientForLink(i.token())).isEmpty();
        assertThatThrownBy(() -> tokens("linkMinutes", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linkMinutes").hasMessageContaining("0");
    }

    @Test
    void forgedMalformedAndRevokedLinksNameNobody() {
        AccessTokens t = tokens();
        String token = t.issue("p1").token();
        byte[] forged = new byte[32];
        new SecureRandom().nextBytes(forged);
        assertThat(t.patientForLink(Base64.getUrlEncoder().withoutPadding().encodeToString(forged))).isEmpty();
        assertThat(t.patientForLink(token.substring(0, 42))).isEmpty(); // a prefix is not the token
        assertThat(t.patientForLink(token + "A")).isEmpty();
        assertThat(t.patientForLink("../p1")).isEmpty();
        char last = token.charAt(42);
        assertThat(t.patientForLink(token.substring(0, 42) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        t.revoke("p1");
        assertThat(t.patientForLink(token)).isEmpty();
    }

    @Test
    void aKioskCodeWorksOnceWithinItsLifetime() {
        AccessTokens t = tokens();
        AccessTokens.Issued i = t.issue("p1");
        String typed = i.kioskCode().substring(0, 4).toLowerCase() + " - " + i.kioskCode().substring(4);
        assertThat(t.redeem(typed, "10.0.0.1")).contains("p1");
        assertThat(t.redeem(i.kioskCode(), "10.0.0.1")).isEmpty();
        AccessTokens.Issued late = t.issue("p2");
        clock.advance(Duration.ofMinutes(10));
        assertThat(t.redeem(late.kioskCode(), "10.0.0.1")).isEmpty();
    }

    @Test
    void eachLinkAndCodeNamesOnlyItsOwnYoungPerson() {
        AccessTokens t = tokens();
        AccessTokens.Issued p1 = t.issue("p1");
        AccessTokens.Issued p2 = t.issue("p2");
        assertThat(t.patientForLink(p1.token())).contains("p1");
        assertThat(t.patientForLink(p2.token())).contains("p2");
        assertThat(t.redeem(p2.kioskCode(), "10.0.0.1")).contains("p2");
    }

    @Test
    void wrongCodesFromOneAddressLockThatAddressForTheWindowEvenForTheRightCode() {
        AccessTokens t = tokens("wrongCodesPerAddress", 5, "windowMinutes", 15, "kioskCodeMinutes", 60);
        AccessTokens.Issued i = t.issue("p1");
        for (int n = 0; n < 5; n++) {
            assertThat(t.redeem("22222222", "10.0.0.66")).isEmpty();
        }
        assertThat(t.redeem(i.kioskCode(), "10.0.0.66")).isEmpty(); // locked: right code refused too
        AccessTokens.Issued j = t.issue("p1");
        assertThat(t.redeem(j.kioskCode(), "10.0.0.7")).contains("p1"); // another address is not locked
        clock.advance(Duration.ofMinutes(15));
        assertThat(t.redeem(i.kioskCode(), "10.0.0.66")).contains("p1"); // the window has passed; the code was kept
    }

    @Test
    void controlWithoutAUsableLimitTheSameGuessesAreFollowedByASuccess() {
        // The same sequence as above with the per-address limit out of reach: the right code then works, so the
        // refusal above is the limit's doing and not the code's.
        AccessTokens t = tokens("wrongCodesPerAddress", 1000);
        AccessTokens.Issued i = t.issue("p1");
        for (int n = 0; n < 5; n++) {
            assertThat(t.redeem("22222222", "10.0.0.66")).isEmpty();
        }
        assertThat(t.redeem(i.kioskCode(), "10.0.0.66")).contains("p1");
    }

    @Test
    void wrongCodesSpreadOverManyAddressesMeetTheGlobalLimit() {
        AccessTokens t = tokens("wrongCodesPerAddress", 5, "wrongCodesInAll", 20, "kioskCodeMinutes", 60);
        AccessTokens.Issued i = t.issue("p1");
        for (int n = 0; n < 20; n++) {
            t.redeem("22222222", "10.0.1." + n);
        }
        assertThat(t.redeem(i.kioskCode(), "10.0.9.9")).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(t.redeem(i.kioskCode(), "10.0.9.9")).contains("p1");
    }

    @Test
    void aRestartEndsEveryLinkAndCode() {
        AccessTokens before = tokens();
        AccessTokens.Issued i = before.issue("p1");
        AccessTokens after = tokens();
        assertThat(after.patientForLink(i.token())).isEmpty();
        assertThat(after.redeem(i.kioskCode(), "10.0.0.1")).isEqualTo(Optional.empty());
    }

    @Test
    void holdsABoundedNumberAndSweepsExpiredOnes() {
        AccessTokens t = tokens("maxOutstanding", 3);
        for (int n = 0; n < 3; n++) {
            t.issue("p" + n);
        }
        assertThatThrownBy(() -> t.issue("p9")).isInstanceOf(IllegalStateException.class);
        clock.advance(Duration.ofMinutes(30));
        t.issue("p9");
        assertThat(t.outstanding()).isEqualTo(2);
    }
}
