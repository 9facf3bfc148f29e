package org.openrom.agent.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must read exactly what {@link Instant#parse} reads, and refuse what it refuses. */
class StoredTimeTest {

    /** The store's own format (bundles/store Timestamps): nine fraction digits, always. */
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void readsRandomStoredInstantsAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(20261206);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            String text = STORED.format(t);
            assertThat(StoredTime.parse(text)).as(text).isEqualTo(t).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T19:48:46.570314941Z", "2024-02-29T00:00:00.000000000Z",
            "1970-01-01T00:00:00.000000000Z", "9999-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00.000000001Z",
            // not the fixed form: read by Instant.parse, as before
            "2026-11-26T19:48:46Z", "2026-11-26T19:48:46.5Z", "2026-11-26T19:48:46.570314941+01:00",
            "2016-12-31T23:59:60.000000000Z", "2026-11-26T24:00:00.000000000Z"})
    void agreesWithInstantParse(String text) {
        assertThat(StoredTime.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00.000000000Z", "2026-13-01T10:00:00.000000000Z",
            "2026-11-26T19:60:00.000000000Z", "2026-11-26T19:48:4x.570314941Z",
            "2026-11-26 19:48:46.570314941Z", "+026-11-26T19:48:46.570314941Z", "2026-11-26T19:48:46.57031494 Z", ""})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
