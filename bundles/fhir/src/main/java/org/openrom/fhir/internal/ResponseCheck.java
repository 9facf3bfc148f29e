package org.openrom.fhir.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrom.api.fhir.Answer;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.Issue;

/**
 * The fast conformance check: runs a {@link CompiledQuestionnaire}'s rules over a response's flattened answers,
 * with the verdicts of HAPI's QuestionnaireValidator (org.hl7.fhir.validation 6.7.9) but none of its cost.
 * Stateless and thread-safe.
 *
 * <p>Where the validator's behaviour is not obvious it is followed on purpose: required items and required groups
 * count only when enabled, when their parent is present, and when the status is {@code completed} or {@code
 * amended} (otherwise the validator only warns); a disabled item that is present is an error; each item's own
 * enableWhen decides, not its parent's; answers must come in Questionnaire order.
 */
public final class ResponseCheck {
    private static final Set<String> FINAL_STATUSES = Set.of("completed", "amended");

    private ResponseCheck() {}

    /** @return the problems, each naming its item; empty when the response conforms */
    public static List<Issue> check(CompiledQuestionnaire q, CapturedResponse response) {
        List<Issue> issues = new ArrayList<>();
        Map<String, List<AnswerValue>> answers = new HashMap<>();
        Set<String> present = new HashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> outOfOrder = new LinkedHashSet<>();
        int lastOrder = -1;
        for (Answer a : response.answers()) {
            ItemRule rule = q.item(a.linkId());
            if (rule == null) {
                unknown.add(a.linkId());
                continue;
            }
            answers.computeIfAbsent(a.linkId(), k -> new ArrayList<>(2)).add(a.value());
            markPresent(q, rule, present);
            if (rule.order() < lastOrder) {
                outOfOrder.add(a.linkId());
            }
            lastOrder = rule.order();
        }
        for (String linkId : unknown) {
            issues.add(Issue.error(ErrorCode.UNKNOWN_ITEM.code(), linkId,
                    linkId + ": no such item in " + q.measureId()));
        }
        for (String linkId : outOfOrder) {
            issues.add(Issue.error(ErrorCode.OUT_OF_ORDER.code(), linkId,
                    linkId + ": answered out of order (the Questionnaire " + q.measureId() + " puts it earlier)"));
        }
        boolean final_ = FINAL_STATUSES.contains(response.status());
        for (ItemRule item : q.items()) {
            checkItem(q, item, answers, present, final_, issues);
        }
        return issues;
    }

    private static void markPresent(CompiledQuestionnaire q, ItemRule rule, Set<String> present) {
        ItemRule r = rule;
        while (r != null && present.add(r.linkId())) {
            r = r.parent() == null ? null : q.item(r.parent());
        }
    }

    private static void checkItem(
            CompiledQuestionnaire q,
            ItemRule item,
            Map<String, List<AnswerValue>> answers,
            Set<String> present,
            boolean final_,
            List<Issue> issues) {
        List<AnswerValue> given = answers.getOrDefault(item.linkId(), List.of());
        boolean isPresent = present.contains(item.linkId());
        boolean enabled = item.isEnabled(answers);
        if (isPresent && !enabled) {
            issues.add(AnswerRules.issue(ErrorCode.NOT_ENABLED, item,
                    "answered, but not enabled (" + describe(item) + ")"));
        }
        boolean parentPresent = item.parent() == null || present.contains(item.parent());
        if (!isPresent && enabled && item.required() && final_ && parentPresent) {
            issues.add(AnswerRules.issue(ErrorCode.REQUIRED_MISSING, item,
                    "required, but not answered in this " + q.measureId() + " response"));
        }
        if (given.size() > 1 && !item.repeats() && item.type().isQuestion()) {
            issues.add(AnswerRules.issue(ErrorCode.ANSWERED_TWICE, item,
                    "takes one answer, got " + given.size()));
        }
        for (AnswerValue v : given) {
            AnswerRules.check(item, v, issues);
        }
    }

    private static String describe(ItemRule item) {
        StringBuilder sb = new StringBuilder("enableWhen ");
        String joiner = item.enableWhenAll() ? " and " : " or ";
        for (int i = 0; i < item.enableWhen().size(); i++) {
            EnableCondition c = item.enableWhen().get(i);
            sb.append(i == 0 ? "" : joiner).append(c.question()).append(' ').append(c.operator().name().toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }
}
