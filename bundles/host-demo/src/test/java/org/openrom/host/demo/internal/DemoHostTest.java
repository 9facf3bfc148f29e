package org.openrom.host.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;
import org.osgi.util.converter.Converters;

class DemoHostTest {
    /** Iterations lowered to the minimum the parser accepts, to keep the test quick. */
    private static final String ALICE_HASH = PasswordHash.create("right horse".toCharArray(), 100_000).encode();
    private static final String ADMIN_HASH = PasswordHash.create("admin pass".toCharArray(), 100_000).encode();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private static DemoHost.Config config(Map<String, Object> map) {
        return Converters.standardConverter().convert(map).to(DemoHost.Config.class);
    }

    private static DemoHost host() {
        return new DemoHost(config(Map.of(
                "accounts", new String[] {
                    "alice|CLINICIAN|Dr Alice Example|" + ALICE_HASH,
                    "bob|CLINICIAN|Bob Example|" + ALICE_HASH,
                    "admin|SITE_ADMIN|Site Admin|" + ADMIN_HASH
                },
                "patientsPerClinician", 5)), CLOCK);
    }

    @Test
    void authenticatesOnlyWithTheRightPassword() {
        DemoHost host = host();
        assertThat(host.authenticate("alice", "right horse".toCharArray()))
                .contains(new Clinician("alice", "Dr Alice Example", Clinician.Role.CLINICIAN));
        assertThat(host.authenticate("alice", "wrong horse".toCharArray())).isEmpty();
        assertThat(host.authenticate("nobody", "right horse".toCharArray())).isEmpty();
        assertThat(host.authenticate("admin", "admin pass".toCharArray()))
                .hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(Clinician.Role.SITE_ADMIN));
    }

    @Test
    void splitsTheCaseloadBetweenCliniciansWithoutOverlap() {
        DemoHost host = host();
        List<Patient> alice = host.caseload("alice");
        List<Patient> bob = host.caseload("bob");
        assertThat(alice).hasSize(5);
        assertThat(bob).hasSize(5);
        assertThat(alice).doesNotContainAnyElementsOf(bob);
        assertThat(host.caseload("admin")).isEmpty();
        assertThat(host.caseload("nobody")).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameYoungPeople() {
        assertThat(host().caseload("alice")).isEqualTo(host().caseload("alice"));
    }

    @Test
    void syntheticPeopleHaveTestRangeNhsNumbersOpenEpisodesAndSchoolAges() {
        DemoHost host = host();
        Set<String> numbers = new HashSet<>();
        for (Patient p : host.caseload("alice")) {
            assertThat(p.nhsNumber()).startsWith("999");
            assertThat(SyntheticCaseload.isValidNhsNumber(p.nhsNumber())).as(p.nhsNumber()).isTrue();
            numbers.add(p.nhsNumber());
            assertThat(p.ageOn(LocalDate.of(2026, 11, 22))).isBetween(8, 17);
            List<Episode> episodes = host.episodes(p.id());
            assertThat(episodes).isNotEmpty();
            assertThat(episodes.get(episodes.size() - 1).isOpen()).isTrue();
            assertThat(host.patient(p.id())).contains(p);
        }
        assertThat(numbers).hasSize(5);
    }

    @Test
    void nhsCheckDigitRejectsATypo() {
        assertThat(SyntheticCaseload.isValidNhsNumber("9434765919")).isTrue();
        assertThat(SyntheticCaseload.isValidNhsNumber("9434765918")).isFalse();
        assertThat(SyntheticCaseload.isValidNhsNumber("94347659")).isFalse();
    }

    @Test
    void rejectsBadAccountsWithTheReason() {
        assertThatThrownBy(() -> new DemoHost(config(Map.of("accounts", new String[] {"alice|CLINICIAN|x"})), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 fields");
        assertThatThrownBy(() -> new DemoHost(config(Map.of("accounts", new String[] {"alice|NURSE|x|" + ALICE_HASH})), CLOCK))
                .hasMessageContaining("unknown role NURSE");
        assertThatThrownBy(() -> new DemoHost(config(Map.of("accounts", new String[] {"alice|CLINICIAN|x|plain"})), CLOCK))
                .hasMessageContaining("pbkdf2-sha256");
        assertThatThrownBy(() -> new DemoHost(config(Map.of("accounts", new String[] {
                    "alice|CLINICIAN|x|" + ALICE_HASH, "alice|CLINICIAN|y|" + ALICE_HASH})), CLOCK))
                .hasMessageContaining("listed twice");
    }

    @Test
    void refusesWeakHashes() {
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$AAAA$AAAA"))
                .hasMessageContaining("1000 < 100000");
    }
}
