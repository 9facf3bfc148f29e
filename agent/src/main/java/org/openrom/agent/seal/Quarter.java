package org.openrom.agent.seal;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A reporting quarter as the manifest names it: {@code YYYY-YY-Qn} for UK financial quarters (Q1 = April–June) or
 * {@code YYYY-Qn} for calendar quarters. {@code start} and {@code end} are inclusive and are the truth.
 *
 * @param id the quarter id, e.g. {@code 2026-27-Q1}
 * @param start first day, inclusive
 * @param end last day, inclusive
 */
public record Quarter(String id, LocalDate start, LocalDate end) {

    private static final Pattern ID = Pattern.compile("[0-9]{4}(-[0-9]{2})?-Q[1-4]");

    /** @throws IllegalArgumentException for a malformed id or an end before the start */
    public Quarter {
        requireNonNull(id, "id");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("quarter id must be YYYY-YY-Qn or YYYY-Qn, found '" + id + "'");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("quarter " + id + " ends " + end + " before it starts " + start);
        }
    }

    /** The UK financial quarter containing {@code day} (Q1 = April–June; id {@code 2026-27-Q1}). */
    public static Quarter financialContaining(LocalDate day) {
        int q = ((day.getMonthValue() + 8) % 12) / 3 + 1;
        int firstYear = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        LocalDate start = LocalDate.of(firstYear, 4, 1).plusMonths(3L * (q - 1));
        String id = String.format("%04d-%02d-Q%d", firstYear, (firstYear + 1) % 100, q);
        return new Quarter(id, start, start.plusMonths(3).minusDays(1));
    }

    /** The calendar quarter containing {@code day} (id {@code 2026-Q3}). */
    public static Quarter calendarContaining(LocalDate day) {
        int q = (day.getMonthValue() - 1) / 3 + 1;
        LocalDate start = LocalDate.of(day.getYear(), 3 * (q - 1) + 1, 1);
        return new Quarter(String.format("%04d-Q%d", day.getYear(), q), start, start.plusMonths(3).minusDays(1));
    }
}
