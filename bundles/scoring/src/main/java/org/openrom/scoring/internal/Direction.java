package org.openrom.scoring.internal;

/** Which way is better on a scale (MEASURES.md §0.4); reliable-change logic takes it from the data. */
enum Direction {
    HIGHER_IS_WORSE,
    HIGHER_IS_BETTER;

    /** True when a change of this sign is an improvement. */
    boolean improves(int signOfChange) {
        return this == HIGHER_IS_WORSE ? signOfChange < 0 : signOfChange > 0;
    }
}
