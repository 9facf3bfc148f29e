package org.openrom.agent.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the store's timestamps: UTC ISO-8601 with exactly nine fraction digits ({@code 2026-11-26T19:48:46.570314941Z},
 * fixed width, as the store's {@code Timestamps} writes them). That form is read directly; anything else goes to
 * {@link Instant#parse}, which gives the same instant for the fixed form and the same error for text that is not an
 * instant. Sealing reads one per response: {@code Instant.parse} was about a fifth of the reading thread's time.
 */
final class StoredTime {

    private static final int LENGTH = "2026-11-26T19:48:46.570314941Z".length();

    private StoredTime() {}

    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(29) != 'Z') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = digits(text, 20, 9);
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text); // not digits, or a leap second: Instant.parse decides
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Instant.parse(text); // 2026-02-30 and the like: the same error as before
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
