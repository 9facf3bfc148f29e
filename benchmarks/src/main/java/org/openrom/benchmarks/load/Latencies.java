package org.openrom.benchmarks.load;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread; merged and ranked afterwards. */
final class Latencies {
    private long[] values = new long[1 << 14];
    private int size;
    private int untimed;

    /** A submission that counts towards throughput but not towards latency (a connection's first request). */
    void count() {
        untimed++;
    }

    /** Submissions, timed or not. */
    int submissions() {
        return size + untimed;
    }

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.add(p.values[i]);
            }
            all.untimed += p.untimed;
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The nearest-rank percentile in milliseconds, of a merged (sorted) set. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
