package org.openrom.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the writer groups commits, checked once. Defaults suit a site: a lone save commits as soon as the writer
 * is free; under load, whatever queued while the previous commit ran goes into the next one.
 *
 * @param acknowledge when {@code save} returns
 * @param queueCapacity writes that may wait for the writer; a caller finding it full waits, then fails
 * @param maxGroupSize writes committed together at most
 * @param maxGroupWaitMicros how long the writer waits for more company once a group has at least two members
 *     and room for more; 0 (the default) never waits
 * @param testCommitDelayMillis a pause before every COMMIT: a test control that widens the window between
 *     queueing and durability; 0 in production, reported as a warning otherwise
 */
record WriteOptions(
        Acknowledge acknowledge, int queueCapacity, int maxGroupSize, long maxGroupWaitMicros, long testCommitDelayMillis) {

    static final WriteOptions DEFAULTS = new WriteOptions(Acknowledge.AFTER_COMMIT, 1024, 128, 0, 0);

    /** When {@code save} returns to its caller. */
    enum Acknowledge {
        /** After the COMMIT that contains the save has returned: durable. The only safe setting. */
        AFTER_COMMIT("after-commit"),
        /**
         * As soon as the save is queued, before anything is written: a test control for the kill test's control
         * run, which must lose acknowledged responses. Never for a site; the health report turns red.
         */
        BEFORE_COMMIT_UNSAFE("before-commit-UNSAFE");

        private final String value;

        Acknowledge(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }

        static Acknowledge parse(String value) {
            for (Acknowledge a : values()) {
                if (a.value.equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("acknowledge must be after-commit or before-commit-UNSAFE: '" + value + "'");
        }
    }

    WriteOptions {
        if (acknowledge == null) {
            throw new IllegalArgumentException("acknowledge is missing");
        }
        requireRange("queueCapacity", queueCapacity, 1, 1_000_000);
        requireRange("maxGroupSize", maxGroupSize, 1, 100_000);
        requireRange("maxGroupWaitMicros", maxGroupWaitMicros, 0, 1_000_000);
        requireRange("testCommitDelayMillis", testCommitDelayMillis, 0, 60_000);
    }

    static WriteOptions of(SqliteResponseStore.Config c) {
        return new WriteOptions(Acknowledge.parse(c.acknowledge()), c.queueCapacity(), c.maxGroupSize(),
                c.maxGroupWaitMicros(), c.testCommitDelayMillis());
    }

    WriteOptions withAcknowledge(Acknowledge a) {
        return new WriteOptions(a, queueCapacity, maxGroupSize, maxGroupWaitMicros, testCommitDelayMillis);
    }

    WriteOptions withGroups(int size, long waitMicros) {
        return new WriteOptions(acknowledge, queueCapacity, size, waitMicros, testCommitDelayMillis);
    }

    WriteOptions withTestCommitDelay(long millis) {
        return new WriteOptions(acknowledge, queueCapacity, maxGroupSize, maxGroupWaitMicros, millis);
    }

    /** What makes these options unsafe, one sentence each; empty for a site's settings. */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (acknowledge == Acknowledge.BEFORE_COMMIT_UNSAFE) {
            out.add("ST-2001: acknowledge is " + acknowledge.value()
                    + " (a test control): saves are reported before they are durable and can be lost");
        }
        if (testCommitDelayMillis > 0) {
            out.add(String.format(Locale.ROOT, "ST-2002: testCommitDelayMillis is %d (a test control): every commit"
                    + " is delayed", testCommitDelayMillis));
        }
        return out;
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ": " + value);
        }
    }
}
