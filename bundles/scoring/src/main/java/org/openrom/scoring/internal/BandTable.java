package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Source;

/** One scale's bands under one scheme; inclusive bounds, null = unbounded. */
record BandTable(String scale, String scheme, List<Row> rows) {

    record Row(String label, @Nullable BigDecimal min, @Nullable BigDecimal max, Source source) {
        boolean contains(BigDecimal v) {
            return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
        }
    }
}
