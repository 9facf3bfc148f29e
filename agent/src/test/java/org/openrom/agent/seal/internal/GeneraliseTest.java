package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneraliseTest {

    @Test
    void ageIsWholeYearsOnTheReferralDay() {
        LocalDate birth = LocalDate.of(2010, 5, 3);
        assertThat(Generalise.ageOn(birth, LocalDate.of(2026, 5, 2))).isEqualTo(15);
        assertThat(Generalise.ageOn(birth, LocalDate.of(2026, 5, 3))).isEqualTo(16);
        assertThat(Generalise.ageOn(birth, LocalDate.of(2009, 1, 1))).isNull();
    }

    @Test
    void postcodeKeepsTheOutwardCodeOnly() {
        assertThat(Generalise.outwardCode("LS1 4AB")).isEqualTo("LS1");
        assertThat(Generalise.outwardCode("ls14ab")).isEqualTo("LS1");
        assertThat(Generalise.outwardCode("SW1A 1AA")).isEqualTo("SW1A");
        assertThat(Generalise.outwardCode("M1 1AE")).isEqualTo("M1");
        assertThat(Generalise.outwardCode("not a postcode")).isNull();
        assertThat(Generalise.outwardCode(null)).isNull();
    }

    @Test
    void eventDatesBecomeReferralMonthAndDaysSinceReferral() {
        LocalDate referral = LocalDate.of(2026, 4, 20);
        assertThat(Generalise.month(referral)).isEqualTo("2026-04");
        assertThat(Generalise.daysSince(referral, LocalDate.of(2026, 5, 1))).isEqualTo(11);
        assertThat(Generalise.daysSince(referral, LocalDate.of(2026, 4, 18))).isEqualTo(-2);
    }

    @Test
    void ethnicityIsTheNhsCategoryAsCollectedOrNothing() {
        assertThat(Generalise.ethnicCategory(" a ")).isEqualTo("A");
        assertThat(Generalise.ethnicCategory("99")).isEqualTo("99");
        assertThat(Generalise.ethnicCategory("I")).isNull();
        assertThat(Generalise.ethnicCategory("White British")).isNull();
    }

    @Test
    void genderIsAFhirCode() {
        assertThat(Generalise.gender("FEMALE")).isEqualTo("female");
        assertThat(Generalise.gender("nonbinary")).isEqualTo("unknown");
        assertThat(Generalise.ageBand(14)).isEqualTo("10-14");
        assertThat(Generalise.ageBand(null)).isEqualTo("unknown");
    }
}
