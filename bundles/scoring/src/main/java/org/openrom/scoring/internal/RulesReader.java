package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.AlertKind;
import org.openrom.api.scoring.Sex;
import org.openrom.api.scoring.Source;

/**
 * Reads {@code rules/<id>.json} (format: fhir-profiles/README.md) into {@link MeasureRules}. Checks the references
 * inside the file; {@link Measure} checks them against the Questionnaire.
 */
final class RulesReader {
    private static final BigDecimal Z95 = new BigDecimal("1.96");

    private RulesReader() {}

    static MeasureRules read(String where, JsonNode json) {
        JsonFields f = new JsonFields(where, json);
        List<ItemScaleRule> scales = new ArrayList<>();
        for (JsonFields s : f.objects("scales")) {
            scales.add(itemScale(s));
        }
        List<DerivedScaleRule> derived = new ArrayList<>();
        for (JsonFields d : f.objects("derived")) {
            derived.add(derivedScale(d));
        }
        JsonFields n = f.optObject("norms");
        NormSpec norms = n == null ? null : norms(n);
        MeasureRules rules = new MeasureRules(
                f.text("measure"),
                f.text("version"),
                f.text("title"),
                f.text("informant"),
                f.bool("licensedText", false),
                f.optNumber("itemMax"),
                scales,
                derived,
                f.objects("bands").stream().map(RulesReader::bands).toList(),
                f.objects("cutoffs").stream().map(RulesReader::cutoff).toList(),
                f.objects("reliableChange").stream().map(RulesReader::threshold).toList(),
                f.objects("alerts").stream().map(RulesReader::alert).toList(),
                f.optText("headlineScale"),
                norms);
        checkReferences(f, rules);
        return rules;
    }

    private static ItemScaleRule itemScale(JsonFields s) {
        List<String> items = s.texts("items");
        if (items.isEmpty()) {
            throw s.fail("a scale needs at least one item");
        }
        Set<String> reversed = new LinkedHashSet<>(s.texts("reversed"));
        if (!items.containsAll(reversed)) {
            throw s.fail("reversed items " + reversed + " are not all among the scale's items " + items);
        }
        List<@Nullable BigDecimal> weights = null;
        if (s.node().has("weights")) {
            weights = new ArrayList<>();
            for (JsonNode w : s.array("weights")) {
                if (!w.isNull() && !w.isNumber()) {
                    throw s.bad("weights", "numbers or null", w);
                }
                weights.add(w.isNull() ? null : w.decimalValue());
            }
        }
        int minAnswered = s.optInteger("minAnswered", items.size());
        if (minAnswered < 1 || minAnswered > items.size()) {
            throw s.fail("minAnswered must be 1.." + items.size() + ": " + minAnswered);
        }
        JsonFields r = s.optObject("rule");
        SkipRule rule = r == null
                ? null
                : new SkipRule(r.text("name"), r.text("screeningItem"), r.integer("noPosition"), source(r));
        BigDecimal[] range = range(s);
        return new ItemScaleRule(s.text("id"), method(s), List.copyOf(items), Set.copyOf(reversed), weights,
                minAnswered, decimals(s), range[0], range[1], direction(s), source(s), rule);
    }

    private static DerivedScaleRule derivedScale(JsonFields d) {
        List<String> of = d.texts("of");
        if (of.isEmpty()) {
            throw d.fail("a derived scale needs at least one component");
        }
        ItemScaleRule.Method method = method(d);
        int minPresent = d.optInteger("minPresent", of.size());
        if (method == ItemScaleRule.Method.SUM && minPresent != of.size()) {
            throw d.fail("a summed derived scale needs every component (minPresent " + minPresent + ")");
        }
        BigDecimal[] range = range(d);
        return new DerivedScaleRule(d.text("id"), method, List.copyOf(of), minPresent, decimals(d), range[0],
                range[1], direction(d), source(d));
    }

    private static BandTable bands(JsonFields b) {
        Source tableSource = source(b);
        List<BandTable.Row> rows = new ArrayList<>();
        for (JsonFields r : b.objects("bands")) {
            Source s = r.optText("source") == null ? tableSource : source(r);
            rows.add(new BandTable.Row(r.text("label"), r.optNumber("min"), r.optNumber("max"), s));
        }
        return new BandTable(b.text("scale"), b.text("scheme"), List.copyOf(rows));
    }

    private static CutoffRule cutoff(JsonFields c) {
        CutoffRule.When when = enumValue(c, "clinicalWhen", CutoffRule.When.class);
        return new CutoffRule(c.text("scale"), c.number("value"), when, c.optInteger("ageMin"),
                c.optInteger("ageMax"), sex(c), source(c));
    }

    private static ThresholdRule threshold(JsonFields t) {
        BigDecimal threshold = t.optNumber("threshold");
        if (threshold == null) {
            // Jacobson & Truax: 1.96 x SD x sqrt(2) x sqrt(1 - r). Rounded to 6 places so that float noise cannot
            // push an integer threshold up by one when it is rounded up for an integer scale.
            double sd = t.number("sd").doubleValue();
            double r = t.number("reliability").doubleValue();
            if (sd <= 0 || r < 0 || r >= 1) {
                throw t.fail("sd must be > 0 and reliability in [0, 1): sd " + sd + ", reliability " + r);
            }
            threshold = Z95.multiply(BigDecimal.valueOf(sd * Math.sqrt(2) * Math.sqrt(1 - r)), MathContext.DECIMAL64)
                    .setScale(6, RoundingMode.HALF_UP);
        }
        if (threshold.signum() <= 0) {
            throw t.fail("threshold must be positive: " + threshold);
        }
        return new ThresholdRule(t.text("scale"), threshold, t.optInteger("ageMin"), t.optInteger("ageMax"),
                sex(t), source(t));
    }

    private static AlertRule alert(JsonFields a) {
        String item = a.optText("item");
        String scale = a.optText("scale");
        if ((item == null) == (scale == null)) {
            throw a.fail("an alert needs exactly one of item and scale");
        }
        BigDecimal above = a.optNumber("above");
        BigDecimal below = a.optNumber("below");
        if (above == null && below == null) {
            throw a.fail("an alert needs above or below");
        }
        return new AlertRule(a.text("id"), enumValue(a, "kind", AlertKind.class), item, scale, above, below,
                a.text("message"), source(a));
    }

    private static NormSpec norms(JsonFields n) {
        return new NormSpec(n.text("table"), List.copyOf(n.texts("scales")), n.integer("gradeOffset"),
                n.integer("gradeMin"), n.integer("gradeMax"), source(n));
    }

    private static void checkReferences(JsonFields f, MeasureRules rules) {
        Set<String> known = new HashSet<>();
        for (ItemScaleRule s : rules.scales()) {
            if (!known.add(s.id())) {
                throw f.fail("scale id used twice: " + s.id());
            }
        }
        for (DerivedScaleRule d : rules.derived()) {
            for (String c : d.of()) {
                if (!known.contains(c)) {
                    throw f.fail("derived scale " + d.id() + " uses " + c + ", which is not an earlier scale");
                }
            }
            if (!known.add(d.id())) {
                throw f.fail("scale id used twice: " + d.id());
            }
        }
        if (rules.norms() != null) {
            for (String s : rules.norms().scales()) {
                if (!known.contains(s)) {
                    throw f.fail("norms name scale " + s + ", which the rules do not define");
                }
            }
        }
        Set<String> all = new HashSet<>(rules.scaleIds());
        List<String> refs = new ArrayList<>();
        rules.bands().forEach(b -> refs.add(b.scale()));
        rules.cutoffs().forEach(c -> refs.add(c.scale()));
        rules.reliableChange().forEach(t -> refs.add(t.scale()));
        rules.alerts().stream().filter(a -> a.scale() != null).forEach(a -> refs.add(a.scale()));
        if (rules.headlineScale() != null) {
            refs.add(rules.headlineScale());
        }
        for (String r : refs) {
            if (!all.contains(r)) {
                throw f.fail("refers to scale " + r + ", which the rules do not define (scales: " + all + ")");
            }
        }
    }

    private static ItemScaleRule.Method method(JsonFields s) {
        return enumValue(s, "method", ItemScaleRule.Method.class);
    }

    private static int decimals(JsonFields s) {
        int d = s.optInteger("decimals", 0);
        if (d < 0 || d > 6) {
            throw s.fail("decimals must be 0..6: " + d);
        }
        return d;
    }

    private static BigDecimal[] range(JsonFields s) {
        List<JsonNode> r = s.array("range");
        if (r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber()) {
            throw s.bad("range", "[min, max]", s.node().get("range"));
        }
        return new BigDecimal[] {r.get(0).decimalValue(), r.get(1).decimalValue()};
    }

    private static Direction direction(JsonFields s) {
        return enumValue(s, "direction", Direction.class);
    }

    private static Source source(JsonFields s) {
        try {
            return Source.ofTag(s.text("source"));
        } catch (IllegalArgumentException e) {
            throw s.fail(e.getMessage());
        }
    }

    private static @Nullable Sex sex(JsonFields s) {
        String v = s.optText("sex");
        return v == null ? null : Sex.parse(v);
    }

    private static <E extends Enum<E>> E enumValue(JsonFields s, String field, Class<E> type) {
        String v = s.text(field);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw s.bad(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()), s.node().get(field));
        }
    }
}
