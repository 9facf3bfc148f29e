package org.openrom.scoring.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A measure's rules and its Questionnaire's items, checked against each other. */
record Measure(MeasureRules rules, Map<String, QuestionnaireItem> items) {

    Measure {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items)); // Questionnaire order matters
        check(rules, items);
    }

    String id() {
        return rules.measure();
    }

    private static void check(MeasureRules rules, Map<String, QuestionnaireItem> items) {
        String where = "rules/" + rules.measure() + ".json";
        for (ItemScaleRule s : rules.scales()) {
            for (String linkId : s.items()) {
                QuestionnaireItem item = requireItem(where, s.id(), linkId, items);
                if (item.choice()) {
                    int options = item.optionCodes().size();
                    if (s.weights() != null && s.weights().size() != options) {
                        throw new IllegalArgumentException(where + ": scale " + s.id() + " has " + s.weights().size()
                                + " weights but item " + linkId + " has " + options + " options");
                    }
                    if (!s.reversed().isEmpty() && rules.itemMax() == null) {
                        throw new IllegalArgumentException(where + ": scale " + s.id() + " reverses items but the "
                                + "rules give no itemMax");
                    }
                } else if (!item.numeric()) {
                    throw new IllegalArgumentException(where + ": scale " + s.id() + " uses item " + linkId
                            + " of type " + item.type() + "; only choice, integer and decimal items can be scored");
                } else if (s.weights() != null || !s.reversed().isEmpty()) {
                    throw new IllegalArgumentException(where + ": scale " + s.id() + " weights or reverses the "
                            + "numeric item " + linkId);
                }
            }
            if (s.rule() != null) {
                requireItem(where, s.id(), s.rule().screeningItem(), items);
                if (!SdqImpactRule.NAME.equals(s.rule().name())) {
                    throw new IllegalArgumentException(where + ": scale " + s.id() + " names an unknown rule: "
                            + s.rule().name() + " (known: " + List.of(SdqImpactRule.NAME) + ")");
                }
            }
        }
        for (AlertRule a : rules.alerts()) {
            if (a.item() != null) {
                requireItem(where, "alert " + a.id(), a.item(), items);
            }
        }
    }

    private static QuestionnaireItem requireItem(
            String where, String user, String linkId, Map<String, QuestionnaireItem> items) {
        QuestionnaireItem item = items.get(linkId);
        if (item == null || !item.question() || item.readOnly()) {
            throw new IllegalArgumentException(
                    where + ": " + user + " refers to " + linkId + ", which is not an answerable item of the Questionnaire");
        }
        return item;
    }
}
