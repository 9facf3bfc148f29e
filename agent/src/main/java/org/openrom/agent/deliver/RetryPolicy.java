package org.openrom.agent.deliver;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: before attempt {@code n + 1} (n ≥ 1 failures so far) wait a uniformly
 * random time in {@code [0, min(maxDelay, initial · 2^(n-1))]}. {@code maxAttempts} bounds the attempts of one
 * delivery run; the batch stays undelivered and the next run tries again.
 */
public record RetryPolicy(Duration initial, Duration maxDelay, int maxAttempts) {
    public RetryPolicy {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial delay must be positive: " + initial);
        }
        if (maxDelay.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max delay " + maxDelay + " is below the initial delay " + initial);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts < 1: " + maxAttempts);
        }
    }

    /** The cap of the wait after {@code failures} failed attempts (≥ 1). */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures < 1: " + failures);
        }
        int shift = Math.min(failures - 1, 40);
        long millis = initial.toMillis();
        long capped = millis > (maxDelay.toMillis() >> shift) ? maxDelay.toMillis() : millis << shift;
        return Duration.ofMillis(Math.min(capped, maxDelay.toMillis()));
    }

    /** A random wait in {@code [0, ceiling(failures)]} (full jitter). */
    public Duration delay(int failures, RandomGenerator random) {
        long ceiling = ceiling(failures).toMillis();
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
