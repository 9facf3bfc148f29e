package org.openrom.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final Schedule fy = new Schedule(QuarterScheme.FINANCIAL, LONDON, LocalTime.of(2, 0), 0);

    @Test
    void financialQuartersStartInApril() {
        Quarter q1 = QuarterScheme.FINANCIAL.containing(LocalDate.of(2026, 4, 1));
        assertThat(q1.id()).isEqualTo("2026-27-Q1");
        assertThat(q1.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        Quarter q4 = QuarterScheme.FINANCIAL.containing(LocalDate.of(2027, 3, 31));
        assertThat(q4.id()).isEqualTo("2026-27-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(QuarterScheme.FINANCIAL.containing(LocalDate.of(2027, 1, 1))).isEqualTo(q4);
        assertThat(QuarterScheme.FINANCIAL.containing(LocalDate.of(2026, 3, 31)).id()).isEqualTo("2025-26-Q4");
        assertThat(q4.next().id()).isEqualTo("2027-28-Q1");
        assertThat(q1.previous().id()).isEqualTo("2025-26-Q4");
        assertThat(QuarterScheme.FINANCIAL.containing(LocalDate.of(2099, 12, 31)).id()).isEqualTo("2099-00-Q3");
    }

    @Test
    void calendarQuartersStartInJanuary() {
        Quarter q = QuarterScheme.CALENDAR.containing(LocalDate.of(2026, 8, 15));
        assertThat(q.id()).isEqualTo("2026-Q3");
        assertThat(q.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(QuarterScheme.CALENDAR.containing(LocalDate.of(2026, 12, 31)).next().id()).isEqualTo("2027-Q1");
        assertThat(QuarterScheme.CALENDAR.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void idsRoundTripAndBadIdsAreNamed() {
        for (QuarterScheme s : QuarterScheme.values()) {
            Quarter q = s.containing(LocalDate.of(2026, 1, 1));
            for (int i = 0; i < 12; i++, q = q.next()) {
                assertThat(s.parse(q.id())).isEqualTo(q);
                assertThat(QuarterScheme.parseAny(q.id())).isEqualTo(q);
                assertThat(q.next().start()).isEqualTo(q.end().plusDays(1));
            }
        }
        assertThatThrownBy(() -> QuarterScheme.FINANCIAL.parse("2026-28-Q1")).hasMessageContaining("'2026-28-Q1'");
        assertThatThrownBy(() -> QuarterScheme.FINANCIAL.parse("2026-Q1")).hasMessageContaining("YYYY-YY-Qn");
        assertThatThrownBy(() -> QuarterScheme.CALENDAR.parse("2026-Q5")).hasMessageContaining("'2026-Q5'");
    }

    @Test
    void aQuarterFallsDueAtTheConfiguredTimeAfterGraceDaysInLocalTime() {
        Quarter q1 = QuarterScheme.FINANCIAL.parse("2026-27-Q1");
        assertThat(fy.due(q1)).isEqualTo(Instant.parse("2026-07-01T01:00:00Z")); // 02:00 BST
        Quarter q3 = QuarterScheme.FINANCIAL.parse("2026-27-Q3");
        assertThat(fy.due(q3)).isEqualTo(Instant.parse("2027-01-01T02:00:00Z")); // 02:00 GMT
        Schedule grace = new Schedule(QuarterScheme.FINANCIAL, LONDON, LocalTime.of(6, 30), 5);
        assertThat(grace.due(q1)).isEqualTo(Instant.parse("2026-07-06T05:30:00Z"));
        assertThat(fy.endExclusive(q1)).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
    }

    @Test
    void latestDueIsThePreviousQuarterUntilItsDueTime() {
        assertThat(fy.latestDue(Instant.parse("2026-07-01T00:59:59Z")).id()).isEqualTo("2025-26-Q4");
        assertThat(fy.latestDue(Instant.parse("2026-07-01T01:00:00Z")).id()).isEqualTo("2026-27-Q1");
        assertThat(fy.latestDue(Instant.parse("2026-09-30T12:00:00Z")).id()).isEqualTo("2026-27-Q1");
    }

    @Test
    void missedQuartersAreCaughtUpOldestFirstOnePerQuarter() {
        Instant now = Instant.parse("2027-04-10T09:00:00Z");
        Quarter last = QuarterScheme.FINANCIAL.parse("2026-27-Q1");
        assertThat(fy.dueQuarters(now, last)).extracting(Quarter::id)
                .containsExactly("2026-27-Q2", "2026-27-Q3", "2026-27-Q4");
        assertThat(fy.dueQuarters(now, QuarterScheme.FINANCIAL.parse("2026-27-Q4"))).isEmpty();
        assertThat(fy.dueQuarters(now, null)).extracting(Quarter::id).containsExactly("2026-27-Q4");
        assertThat(fy.nextDue(now, QuarterScheme.FINANCIAL.parse("2026-27-Q4"))).isEqualTo(Instant.parse("2027-07-01T01:00:00Z"));
        assertThat(fy.nextDue(now, last)).isEqualTo(fy.due(QuarterScheme.FINANCIAL.parse("2026-27-Q2")));
    }

    @Test
    void calendarScheduleCatchesUpAcrossAYearEnd() {
        Schedule cal = new Schedule(QuarterScheme.CALENDAR, ZoneId.of("UTC"), LocalTime.MIDNIGHT, 0);
        assertThat(cal.dueQuarters(Instant.parse("2027-01-01T00:00:00Z"), QuarterScheme.CALENDAR.parse("2026-Q2")))
                .extracting(Quarter::id).containsExactly("2026-Q3", "2026-Q4");
        assertThat(cal.dueQuarters(Instant.parse("2026-12-31T23:59:59Z"), QuarterScheme.CALENDAR.parse("2026-Q2")))
                .extracting(Quarter::id).containsExactly("2026-Q3");
    }
}
