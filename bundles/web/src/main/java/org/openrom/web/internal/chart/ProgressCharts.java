package org.openrom.web.internal.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoringService;
import org.openrom.web.internal.chart.ChartSpec.Variant;

/**
 * The charts of a young person's progress, as {@link Figure}s ready for a page: the clinician version (every
 * measure's headline scale, or every scale of one measure, goals, and the multi-informant view) and the young
 * person's own plain version (their self-reported measures and their goals; no T-scores, no parent or teacher
 * reports). Thread-safe; it caches each measure's rules.
 */
public final class ProgressCharts {
    private final ScaleCharts scales;
    private final GoalCharts goals;
    private final InformantCharts informants;
    private final Map<String, ChartRules> rules = new ConcurrentHashMap<>();

    public ProgressCharts(ScoringService scoring) {
        this.scales = new ScaleCharts(scoring);
        this.goals = new GoalCharts(scoring);
        this.informants = new InformantCharts(scoring);
    }

    /**
     * The clinician's charts.
     *
     * @param histories the young person's histories (see {@link ProgressReader})
     * @param measure only this measure (all its scales, and its family's multi-informant view); null for all
     */
    public List<Figure> clinician(List<MeasureHistory> histories, @Nullable String measure) {
        List<Figure> figures = new ArrayList<>();
        for (MeasureHistory h : histories) {
            if (measure != null && !measure.equals(h.measureId()) || h.occasions().isEmpty()) {
                continue;
            }
            ChartRules r = rules(h.measureId());
            if (GoalCharts.MEASURE.equals(h.measureId())) {
                figures.add(goals.figure(h, r, Variant.CLINICIAN));
            } else {
                for (String scale : measure == null ? headline(h, r) : scalesWithValues(h, r)) {
                    figures.add(scales.clinician(h, r, scale));
                }
            }
        }
        figures.addAll(multiInformant(histories, measure));
        return figures;
    }

    /** The young person's own charts: self-reported measures (headline raw scale) and goals, in plain words. */
    public List<Figure> youngPerson(List<MeasureHistory> histories) {
        List<Figure> figures = new ArrayList<>();
        for (MeasureHistory h : histories) {
            if (h.occasions().isEmpty()) {
                continue;
            }
            ChartRules r = rules(h.measureId());
            if (GoalCharts.MEASURE.equals(h.measureId())) {
                figures.add(goals.figure(h, r, Variant.YOUNG_PERSON));
            } else if ("self".equals(r.informant()) && r.headlineScale() != null && !r.headlineScale().endsWith("_t")) {
                figures.add(scales.youngPerson(h, r, r.headlineScale()));
            }
        }
        return figures;
    }

    /**
     * One chart per family of measures that two or more informants answered (the measure id minus its informant
     * suffix: {@code sdq-s}, {@code sdq-p}, {@code sdq-t} → {@code sdq}), on the family's shared headline scale.
     */
    List<Figure> multiInformant(List<MeasureHistory> histories, @Nullable String measure) {
        Map<String, List<InformantCharts.Member>> families = new LinkedHashMap<>();
        for (MeasureHistory h : histories) {
            if (!h.occasions().isEmpty() && h.measureId().matches(".+-[a-z]{1,2}")) {
                families.computeIfAbsent(family(h.measureId()), f -> new ArrayList<>())
                        .add(new InformantCharts.Member(h, rules(h.measureId())));
            }
        }
        List<Figure> figures = new ArrayList<>();
        families.forEach((family, members) -> {
            Set<String> informantsSeen = new LinkedHashSet<>();
            Set<String> headlines = new LinkedHashSet<>();
            members.forEach(m -> {
                informantsSeen.add(m.rules().informant());
                headlines.add(String.valueOf(m.rules().headlineScale()));
            });
            boolean wanted = measure == null || family.equals(family(measure));
            String scale = members.get(0).rules().headlineScale();
            if (wanted && informantsSeen.size() >= 2 && headlines.size() == 1 && scale != null) {
                members.sort((a, b) -> Integer.compare(order(a.rules().informant()), order(b.rules().informant())));
                figures.add(informants.figure(family, label(members), members, scale));
            }
        });
        return figures;
    }

    private ChartRules rules(String measureId) {
        return rules.computeIfAbsent(measureId, ChartRules::of);
    }

    private static List<String> headline(MeasureHistory h, ChartRules r) {
        if (r.headlineScale() != null) {
            return List.of(r.headlineScale());
        }
        List<String> all = scalesWithValues(h, r);
        return all.isEmpty() ? List.of() : List.of(all.get(0));
    }

    /** The scales with at least one value, in the rules' order (T-scores only when norms gave values). */
    private static List<String> scalesWithValues(MeasureHistory h, ChartRules r) {
        Set<String> ids = new LinkedHashSet<>();
        h.occasions().stream().map(Occasion::scores).filter(Objects::nonNull)
                .forEach(s -> s.scales().stream().filter(ScaleScore::present).forEach(sc -> ids.add(sc.id())));
        return List.copyOf(ids);
    }

    static String family(String measureId) {
        return measureId.replaceFirst("-[a-z]{1,2}$", "");
    }

    private static int order(String informant) {
        return switch (informant) {
            case "self" -> 0;
            case "parent" -> 1;
            case "teacher" -> 2;
            default -> 3;
        };
    }

    /** The family's name: the shortest member title without a one-letter informant suffix ("SDQ-P" → "SDQ"). */
    private static String label(List<InformantCharts.Member> members) {
        return members.stream().map(m -> m.rules().title().replaceFirst("-[A-Z]$", ""))
                .min((a, b) -> Integer.compare(a.length(), b.length())).orElse("");
    }
}
