package org.openrom.fhir.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrom.api.fhir.Answer;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.Issue;

/**
 * What the flattened answers cannot show about containers, checked as HAPI's validator does: a group item present
 * without answers still requires its enabled required items (and a required group needs a sub-item); and the
 * sub-items of a question are required under EACH of its answers, not once per response.
 */
final class Containers {
    private static final Set<String> FINAL_STATUSES = Set.of("completed", "amended");

    /**
     * A container present in the response: a group without answers, or one answer of a question with sub-items.
     *
     * @param group the group item, or the question
     * @param hasItems whether it holds sub-items at all
     * @param presentChildren the linkIds of its direct sub-items that hold answers
     */
    record Present(ItemRule group, boolean hasItems, Set<String> presentChildren) {}

    private Containers() {}

    static void check(CompiledQuestionnaire q, List<Present> groups, List<Answer> answers, String status, List<Issue> problems) {
        if (groups.isEmpty()) {
            return;
        }
        Map<String, List<AnswerValue>> byLinkId = new HashMap<>();
        answers.forEach(a -> byLinkId.computeIfAbsent(a.linkId(), k -> new ArrayList<>()).add(a.value()));
        for (Present p : groups) {
            if (p.group().type() == ItemType.GROUP && p.group().required() && !p.hasItems()) {
                problems.add(AnswerRules.issue(ErrorCode.REQUIRED_MISSING, p.group(), "a required group needs sub-items"));
            }
            if (!FINAL_STATUSES.contains(status)) {
                continue;
            }
            for (ItemRule child : q.items()) {
                if (p.group().linkId().equals(child.parent()) && child.required()
                        && !p.presentChildren().contains(child.linkId()) && child.isEnabled(byLinkId)) {
                    problems.add(AnswerRules.issue(ErrorCode.REQUIRED_MISSING, child,
                            "required, but not answered " + (p.group().type() == ItemType.GROUP
                                    ? "(" + p.group().linkId() + " is present)" : "under an answer to " + p.group().linkId())));
                }
            }
        }
    }
}
