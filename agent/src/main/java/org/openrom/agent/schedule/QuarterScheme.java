package org.openrom.agent.schedule;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a year is cut into quarters. UK financial quarters (the default) start in April: {@code 2026-27-Q1} is
 * April–June 2026 and {@code 2026-27-Q4} is January–March 2027. Calendar quarters start in January:
 * {@code 2026-Q1} is January–March 2026 (ADR 0004).
 */
public enum QuarterScheme {
    FINANCIAL(4, Pattern.compile("(\\d{4})-(\\d{2})-Q([1-4])")),
    CALENDAR(1, Pattern.compile("(\\d{4})-Q([1-4])"));

    private final int firstMonth;
    private final Pattern idPattern;

    QuarterScheme(int firstMonth, Pattern idPattern) {
        this.firstMonth = firstMonth;
        this.idPattern = idPattern;
    }

    /** The quarter that holds this date. */
    public Quarter containing(LocalDate date) {
        int monthsSinceStart = Math.floorMod(date.getMonthValue() - firstMonth, 12);
        int year = date.getMonthValue() >= firstMonth ? date.getYear() : date.getYear() - 1;
        return new Quarter(this, year, monthsSinceStart / 3 + 1);
    }

    /**
     * Reads a quarter id ({@code 2026-27-Q1} financial, {@code 2026-Q1} calendar).
     *
     * @throws IllegalArgumentException naming the id when it is not a quarter of this scheme
     */
    public Quarter parse(String id) {
        Matcher m = idPattern.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + name().toLowerCase(java.util.Locale.ROOT)
                    + " quarter (expected " + (this == FINANCIAL ? "YYYY-YY-Qn, e.g. 2026-27-Q1" : "YYYY-Qn, e.g. 2026-Q1")
                    + "): '" + id + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (this == FINANCIAL) {
            if (Integer.parseInt(m.group(2)) != (year + 1) % 100) {
                throw new IllegalArgumentException("financial year " + m.group(1) + "-" + m.group(2)
                        + " does not run into the next year: '" + id + "'");
            }
            return new Quarter(this, year, Integer.parseInt(m.group(3)));
        }
        return new Quarter(this, year, Integer.parseInt(m.group(2)));
    }

    /** Reads a quarter id of either scheme (the form tells which). */
    public static Quarter parseAny(String id) {
        return (FINANCIAL.idPattern.matcher(id).matches() ? FINANCIAL : CALENDAR).parse(id);
    }

    int firstMonth() {
        return firstMonth;
    }
}
