package org.openrom.store.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Instants as stored: UTC ISO-8601 with exactly nine fraction digits. Fixed width, so text order is time
 * order (a plain {@code Instant.toString()} is not: {@code …00Z} would sort after {@code …00.5Z}), and
 * {@link Instant#parse} reads them back exactly.
 */
final class Timestamps {

    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** @throws IllegalArgumentException outside years 1–9999, where the fixed width would not hold */
    static String format(Instant instant, String what) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException(what + " is outside years 1-9999: " + instant);
        }
        return FORMAT.format(instant);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }
}
