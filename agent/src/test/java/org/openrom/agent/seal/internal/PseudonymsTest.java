package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    /** K = bytes 0x00..0x1f. Expected values computed independently with Python's hmac module. */
    static final Pseudonyms IDS = new Pseudonyms(new SecretKeySpec(key(), "HmacSHA256"));

    static byte[] key() {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) i;
        }
        return k;
    }

    @Test
    void patientPseudonymIsHmacSha256OfTheNhsNumberInLowerCaseHex() {
        assertThat(IDS.patient(Pseudonyms.canonicalId("local-17", "943 476 5919")))
                .isEqualTo("dd5c602eeb31d60c7c0d662c897231dda00e13cdf945b14cad185a4a7125826c");
    }

    @Test
    void withoutAValidNhsNumberTheLocalIdIsTheCanonicalId() {
        assertThat(Pseudonyms.canonicalId("local-17", null)).isEqualTo("local-17");
        assertThat(Pseudonyms.canonicalId("local-17", "12345")).isEqualTo("local-17");
        assertThat(IDS.patient("local-17")).isEqualTo("3b97b910b591002220ab504deb4c9eac3294496f105013673fae41838c1b52db");
    }

    @Test
    void spacesAndTabsInTheNhsNumberCollapseToOnePseudonym() {
        assertThat(Pseudonyms.canonicalId("x", " 943\t476 5919 ")).isEqualTo("9434765919");
    }

    @Test
    void resourceIdsAreTheFirst128BitsAndSeparatedFromPatientPseudonymsByType() {
        assertThat(IDS.resource("Encounter", "p1"))
                .isEqualTo("785124fe5e99f204cc2ce5e84b3df3c6")
                .isNotEqualTo(IDS.resource("Observation", "p1"))
                .isNotEqualTo(IDS.patient("p1"));
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        byte[] k = key();
        k[0] = 1;
        assertThat(new Pseudonyms(new SecretKeySpec(k, "HmacSHA256")).patient("9434765919"))
                .isNotEqualTo(IDS.patient("9434765919"));
    }
}
