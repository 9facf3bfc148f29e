package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrom.api.scoring.Alert;
import org.openrom.api.scoring.AlertKind;
import org.openrom.api.scoring.Band;
import org.openrom.api.scoring.Missing;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;

/** The one generic scorer: item scales, derived scales, T-scores, bands and alerts, all driven by the data. */
final class ScoreEngine {
    private ScoreEngine() {}

    static ScoreSet score(Measure measure, ScoringRequest request, ContentPack pack) {
        MeasureRules rules = measure.rules();
        Map<String, BigDecimal> values = AnswerReader.values(measure, request.answers());
        Map<String, ScaleScore> scales = new LinkedHashMap<>();
        for (ItemScaleRule s : rules.scales()) {
            ScaleScore score = s.rule() == null ? null : SdqImpactRule.decide(s, s.rule(), values).orElse(null);
            scales.put(s.id(), score != null ? score : ScaleScorer.score(s, rules.itemMax(), values));
        }
        for (DerivedScaleRule d : rules.derived()) {
            scales.put(d.id(), derived(d, scales));
        }
        if (rules.norms() != null) {
            NormSpec spec = rules.norms();
            for (String s : spec.scales()) {
                scales.put(NormSpec.tScale(s), NormLookup.tScore(spec, pack.norm(spec.table()), scales.get(s),
                        request.ageYears(), request.sex()));
            }
        }
        List<ScaleScore> banded = new ArrayList<>();
        for (ScaleScore s : scales.values()) {
            checkRange(measure, s);
            banded.add(withBands(rules, s));
        }
        return new ScoreSet(measure.id(), rules.version(), request.ageYears(), request.sex(), banded, values,
                alerts(rules, values, scales));
    }

    private static ScaleScore derived(DerivedScaleRule d, Map<String, ScaleScore> scales) {
        BigDecimal sum = BigDecimal.ZERO;
        int present = 0;
        boolean prorated = false;
        List<String> absent = new ArrayList<>();
        for (String c : d.of()) {
            ScaleScore s = scales.get(c);
            if (s.value() == null) {
                absent.add(c);
            } else {
                sum = sum.add(s.value());
                present++;
                prorated |= s.prorated();
            }
        }
        if (present < d.minPresent()) {
            String detail = d.id() + ": " + (d.method() == ItemScaleRule.Method.SUM
                    ? "needs every component scale; missing " + String.join(", ", absent)
                    : present + " of " + d.of().size() + " components present, " + d.minPresent() + " needed");
            return new ScaleScore(d.id(), null, new Missing(MissingReason.COMPONENT_MISSING, detail), null, null,
                    false, List.of());
        }
        BigDecimal value = d.method() == ItemScaleRule.Method.SUM ? sum : Rounding.divide(sum, BigDecimal.valueOf(present));
        return new ScaleScore(d.id(), Rounding.halfAwayFromZero(value, d.decimals()), null, null, null, prorated,
                List.of());
    }

    private static ScaleScore withBands(MeasureRules rules, ScaleScore s) {
        if (s.value() == null) {
            return s;
        }
        List<Band> bands = new ArrayList<>();
        for (BandTable t : rules.bands()) {
            if (!t.scale().equals(s.id())) {
                continue;
            }
            for (BandTable.Row r : t.rows()) {
                if (r.contains(s.value())) {
                    bands.add(new Band(t.scheme(), r.label(), r.min(), r.max(), r.source()));
                    break;
                }
            }
        }
        return new ScaleScore(s.id(), s.value(), null, s.answered(), s.items(), s.prorated(), bands);
    }

    private static List<Alert> alerts(
            MeasureRules rules, Map<String, BigDecimal> values, Map<String, ScaleScore> scales) {
        List<Alert> alerts = new ArrayList<>();
        for (AlertRule a : rules.alerts()) {
            BigDecimal v = a.item() != null ? values.get(a.item()) : scales.get(a.scale()).value();
            if (v != null && a.fires(v)) {
                alerts.add(new Alert(a.kind(), a.id(), a.item(), a.scale(), v, a.message(), a.source()));
            } else if (v == null && a.kind() == AlertKind.RISK && a.item() != null) {
                // An unanswered risk item is not reassurance: ask about it [D].
                alerts.add(new Alert(AlertKind.RISK_UNANSWERED, a.id(), a.item(), null, null,
                        "Risk item " + a.item() + " was not answered: ask about it.", a.source()));
            }
        }
        return alerts;
    }

    private static void checkRange(Measure measure, ScaleScore s) {
        if (s.value() == null) {
            return;
        }
        for (ItemScaleRule r : measure.rules().scales()) {
            if (r.id().equals(s.id()) && (s.value().compareTo(r.min()) < 0 || s.value().compareTo(r.max()) > 0)) {
                throw new IllegalStateException(measure.id() + " " + s.id() + " = " + s.value() + " outside " + r.min()
                        + ".." + r.max() + ": the rules are inconsistent");
            }
        }
        for (DerivedScaleRule r : measure.rules().derived()) {
            if (r.id().equals(s.id()) && (s.value().compareTo(r.min()) < 0 || s.value().compareTo(r.max()) > 0)) {
                throw new IllegalStateException(measure.id() + " " + s.id() + " = " + s.value() + " outside " + r.min()
                        + ".." + r.max() + ": the rules are inconsistent");
            }
        }
    }
}
