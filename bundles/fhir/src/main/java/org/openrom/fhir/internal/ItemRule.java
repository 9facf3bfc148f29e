package org.openrom.fhir.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;

/**
 * One Questionnaire item compiled to plain Java: everything the check needs, nothing from HAPI.
 *
 * @param linkId the item's linkId
 * @param type its type
 * @param order its position in a depth-first walk of the Questionnaire (answers must come in this order)
 * @param parent the linkId of the enclosing item; null at the top level
 * @param underAnswer whether the item sits under an answer of its parent (the parent is a question)
 * @param text the item's text, which a response may repeat but not change; null when the item has none
 * @param required whether the item must be answered when enabled
 * @param repeats whether it takes several answers
 * @param readOnly whether it is calculated (a response may carry its value)
 * @param options the allowed codings of a choice item
 * @param bounds limits on the value
 * @param enableWhen the conditions; empty means always enabled
 * @param enableWhenAll enableBehavior {@code all} (true) or {@code any}
 */
public record ItemRule(
        String linkId,
        ItemType type,
        int order,
        @Nullable String parent,
        boolean underAnswer,
        @Nullable String text,
        boolean required,
        boolean repeats,
        boolean readOnly,
        Set<Option> options,
        ValueBounds bounds,
        List<EnableCondition> enableWhen,
        boolean enableWhenAll) {

    public ItemRule {
        requireNonNull(linkId, "linkId");
        requireNonNull(type, "type");
        options = Set.copyOf(options);
        requireNonNull(bounds, "bounds");
        enableWhen = List.copyOf(enableWhen);
    }

    /** @param answersByLinkId every answer in the response, by linkId */
    public boolean isEnabled(Map<String, List<AnswerValue>> answersByLinkId) {
        if (enableWhen.isEmpty()) {
            return true;
        }
        boolean all = enableWhenAll && enableWhen.size() > 1;
        for (EnableCondition c : enableWhen) {
            boolean holds = c.holds(answersByLinkId.getOrDefault(c.question(), List.of()));
            if (holds && !all) {
                return true;
            }
            if (!holds && all) {
                return false;
            }
        }
        return all;
    }
}
