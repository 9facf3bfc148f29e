package org.openrom.agent.seal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Which rows of the site database go into a batch: outbox rows with {@code seq > afterSeq} created before the end
 * of {@code quarter} (the day after {@code quarter.end()} at 00:00 in {@code zone}).
 *
 * @param siteDb the site's SQLite file (opened read-only)
 * @param afterSeq the last outbox seq already in a sealed batch; 0 for none
 * @param quarter the quarter being sealed
 * @param zone the site's time zone for quarter boundaries and local dates (normally Europe/London)
 */
public record Selection(Path siteDb, long afterSeq, Quarter quarter, ZoneId zone) {

    /** @throws IllegalArgumentException for a negative {@code afterSeq} */
    public Selection {
        requireNonNull(siteDb, "siteDb");
        requireNonNull(quarter, "quarter");
        requireNonNull(zone, "zone");
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must be >= 0, found " + afterSeq);
        }
    }

    /** The same selection in the Europe/London zone. */
    public static Selection london(Path siteDb, long afterSeq, Quarter quarter) {
        return new Selection(siteDb, afterSeq, quarter, ZoneId.of("Europe/London"));
    }
}
