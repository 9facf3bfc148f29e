package org.openrom.agent.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When each quarter's batch is due: {@code graceDays} after the quarter's last day, at {@code time} in
 * {@code zone} (default: the day after the quarter ends, 02:00 Europe/London).
 *
 * <p>Clock skew: everything here is computed from the agent's clock. A clock that runs fast seals a quarter
 * early (data entered in its last hours then travels in the next batch as a late change, nothing is lost); a clock
 * that runs slow seals late. Neither decides acceptance at the collator, which uses its own receive time; the
 * delivery step compares the clock with the collator's {@code Date} header and warns when they differ by more
 * than five minutes.
 */
public record Schedule(QuarterScheme scheme, ZoneId zone, LocalTime time, int graceDays) {
    public Schedule {
        if (graceDays < 0 || graceDays > 60) {
            throw new IllegalArgumentException("grace days not in 0..60: " + graceDays);
        }
    }

    /** When the batch for this quarter is due. */
    public Instant due(Quarter q) {
        return q.end().plusDays(1L + graceDays).atTime(time).atZone(zone).toInstant();
    }

    /** The first instant after the quarter: rows created before it belong to this quarter or earlier. */
    public Instant endExclusive(Quarter q) {
        return q.end().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The most recent quarter whose batch is due at {@code now}. */
    public Quarter latestDue(Instant now) {
        Quarter q = scheme.containing(now.atZone(zone).toLocalDate());
        while (due(q).isAfter(now)) {
            q = q.previous();
        }
        return q;
    }

    /**
     * The quarters to seal now, oldest first: every quarter after {@code lastSealed} whose batch is due; with
     * nothing sealed yet, only the latest due quarter (its batch takes everything the site holds up to then).
     */
    public List<Quarter> dueQuarters(Instant now, @Nullable Quarter lastSealed) {
        Quarter latest = latestDue(now);
        List<Quarter> due = new ArrayList<>();
        if (lastSealed == null) {
            due.add(latest);
            return due;
        }
        for (Quarter q = lastSealed.next(); q.compareTo(latest) <= 0; q = q.next()) {
            due.add(q);
        }
        return due;
    }

    /** When the next batch after {@code lastSealed} (or after the latest due one) falls due. */
    public Instant nextDue(Instant now, @Nullable Quarter lastSealed) {
        Quarter after = lastSealed != null && lastSealed.compareTo(latestDue(now)) > 0 ? lastSealed : latestDue(now);
        List<Quarter> due = dueQuarters(now, lastSealed);
        return due.isEmpty() ? due(after.next()) : due(due.get(0));
    }
}
