package org.openrom.scoring.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Sex;
import org.openrom.api.scoring.Source;

/** A reliable-change threshold (given, or 1.96 x SD x sqrt 2 x sqrt(1 - r) from the data's SD and reliability). */
record ThresholdRule(
        String scale,
        BigDecimal threshold,
        @Nullable Integer ageMin,
        @Nullable Integer ageMax,
        @Nullable Sex sex,
        Source source) implements Demographic {}
