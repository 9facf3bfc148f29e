package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One measure's scoring rules, as read from {@code rules/<id>.json}. */
record MeasureRules(
        String measure,
        String version,
        String title,
        String informant,
        boolean licensedText,
        @Nullable BigDecimal itemMax,
        List<ItemScaleRule> scales,
        List<DerivedScaleRule> derived,
        List<BandTable> bands,
        List<CutoffRule> cutoffs,
        List<ThresholdRule> reliableChange,
        List<AlertRule> alerts,
        @Nullable String headlineScale,
        @Nullable NormSpec norms) {

    /** Every scale id a score set has, in order: item scales, derived scales, T-scores. */
    List<String> scaleIds() {
        List<String> ids = new ArrayList<>();
        scales.forEach(s -> ids.add(s.id()));
        derived.forEach(d -> ids.add(d.id()));
        if (norms != null) {
            norms.scales().forEach(s -> ids.add(NormSpec.tScale(s)));
        }
        return ids;
    }

    /** The direction of a scale; a T-score has its raw scale's direction. */
    Optional<Direction> direction(String scaleId) {
        for (ItemScaleRule s : scales) {
            if (s.id().equals(scaleId)) {
                return Optional.of(s.direction());
            }
        }
        for (DerivedScaleRule d : derived) {
            if (d.id().equals(scaleId)) {
                return Optional.of(d.direction());
            }
        }
        if (norms != null && scaleId.endsWith("_t")) {
            return direction(scaleId.substring(0, scaleId.length() - 2));
        }
        return Optional.empty();
    }

    /** Whether a scale's values are whole numbers (T-scores always are). */
    boolean integerScale(String scaleId) {
        if (norms != null && scaleId.endsWith("_t")) {
            return true;
        }
        for (ItemScaleRule s : scales) {
            if (s.id().equals(scaleId)) {
                return s.decimals() == 0;
            }
        }
        for (DerivedScaleRule d : derived) {
            if (d.id().equals(scaleId)) {
                return d.decimals() == 0;
            }
        }
        return false;
    }
}
