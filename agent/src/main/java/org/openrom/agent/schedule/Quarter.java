package org.openrom.agent.schedule;

import java.time.LocalDate;

/**
 * One quarter: {@code year} is the year the (financial or calendar) year starts in, {@code number} 1–4. Start
 * and end are inclusive dates, as in the batch manifest.
 */
public record Quarter(QuarterScheme scheme, int year, int number) implements Comparable<Quarter> {
    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter number not in 1..4: " + number);
        }
    }

    /** The first day. */
    public LocalDate start() {
        return LocalDate.of(year, scheme.firstMonth(), 1).plusMonths(3L * (number - 1));
    }

    /** The last day (inclusive). */
    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    /** {@code 2026-27-Q1} (financial) or {@code 2026-Q1} (calendar). */
    public String id() {
        return scheme == QuarterScheme.FINANCIAL
                ? String.format("%d-%02d-Q%d", year, (year + 1) % 100, number)
                : String.format("%d-Q%d", year, number);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(scheme, year + 1, 1) : new Quarter(scheme, year, number + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(scheme, year - 1, 4) : new Quarter(scheme, year, number - 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return start().compareTo(o.start());
    }

    @Override
    public String toString() {
        return id();
    }
}
