package org.openrom.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.Answer;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;

/**
 * Parses a QuestionnaireResponse with HAPI (strict: a malformed element is an error), matches it to a known
 * Questionnaire and flattens its items to answers. Also refuses what the flattened answers can no longer show:
 * an item in the wrong place, the same linkId twice among siblings, changed item text, sub-items of a question
 * outside its answer, and required sub-items per group and per answer ({@link Containers}).
 * Thread-safe.
 */
final class ResponseReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext context;
    private final QuestionnaireCatalog catalog;

    ResponseReader(FhirContext context, QuestionnaireCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    CapturedResponse read(String json) {
        QuestionnaireResponse qr = parse(json);
        CompiledQuestionnaire q = questionnaire(qr);
        List<Issue> problems = new ArrayList<>();
        if (qr.getStatus() == null) {
            problems.add(Issue.error(ErrorCode.NO_STATUS.code(), null, "status is missing"));
        }
        OffsetDateTime authored = authored(qr, problems);
        List<Answer> answers = new ArrayList<>();
        List<Containers.Present> containers = new ArrayList<>();
        new Flattener(q, answers, problems, containers).items(qr.getItem(), null, false);
        if (qr.getStatus() != null) {
            Containers.check(q, containers, answers, qr.getStatus().toCode(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidResponseException(problems);
        }
        String id = qr.getIdElement().getIdPart();
        String subject = qr.getSubject().getReference();
        return new CapturedResponse(
                id, q.canonical(), q.measureId(), qr.getStatus().toCode(), subject, authored, answers, json);
    }

    private QuestionnaireResponse parse(String json) {
        JsonShape.check(json);
        IBaseResource resource;
        try {
            resource = context.newJsonParser().parseResource(json);
        } catch (DataFormatException e) {
            throw explain(json, e);
        }
        if (!(resource instanceof QuestionnaireResponse qr)) {
            throw invalid(ErrorCode.WRONG_RESOURCE_TYPE,
                    "resourceType is " + context.getResourceType(resource) + ", not QuestionnaireResponse");
        }
        return qr;
    }

    /** HAPI failed: say whether it was not JSON, not a QuestionnaireResponse, or bad content. */
    private static InvalidResponseException explain(String json, DataFormatException e) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            return invalid(ErrorCode.NOT_JSON, "not JSON: " + notJson.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return invalid(ErrorCode.NOT_JSON, "not a JSON object");
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !"QuestionnaireResponse".equals(type.asText())) {
            return invalid(ErrorCode.WRONG_RESOURCE_TYPE, "resourceType is "
                    + (type == null ? "missing" : "'" + type.asText() + "'") + ", not QuestionnaireResponse");
        }
        return invalid(ErrorCode.INVALID_CONTENT, "not a valid QuestionnaireResponse: " + e.getMessage());
    }

    private CompiledQuestionnaire questionnaire(QuestionnaireResponse qr) {
        if (!qr.hasQuestionnaire()) {
            throw invalid(ErrorCode.NO_QUESTIONNAIRE, "questionnaire is missing: name one of " + catalog.canonicals());
        }
        String canonical = qr.getQuestionnaire();
        CompiledQuestionnaire q = catalog.resolve(canonical);
        if (q == null) {
            CompiledQuestionnaire other = catalog.sameUrl(canonical);
            throw invalid(ErrorCode.UNKNOWN_QUESTIONNAIRE, other == null
                    ? "questionnaire " + canonical + " is not one OpenROM knows: " + catalog.canonicals()
                    : "questionnaire " + canonical + " is not a version OpenROM knows; it knows " + other.canonical());
        }
        return q;
    }

    private static @Nullable OffsetDateTime authored(QuestionnaireResponse qr, List<Issue> problems) {
        if (!qr.hasAuthored()) {
            return null;
        }
        String text = qr.getAuthoredElement().getValueAsString();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(Issue.error(ErrorCode.AUTHORED_WITHOUT_TIME.code(), null,
                    "authored " + text + " needs a time and a zone, e.g. 2026-11-22T10:15:00Z"));
            return null;
        }
    }

    private static InvalidResponseException invalid(ErrorCode code, String message) {
        return new InvalidResponseException(List.of(Issue.error(code.code(), null, message)));
    }

    /** Walks the items depth-first, in document order. */
    private record Flattener(
            CompiledQuestionnaire q, List<Answer> answers, List<Issue> problems, List<Containers.Present> containers) {

        void items(List<QuestionnaireResponseItemComponent> items, @Nullable ItemRule parent, boolean underAnswer) {
            List<String> seen = new ArrayList<>();
            int lastOrder = -1;
            for (QuestionnaireResponseItemComponent item : items) {
                String linkId = item.getLinkId();
                if (linkId == null || linkId.isBlank()) {
                    problems.add(Issue.error(ErrorCode.ITEM_WITHOUT_LINK_ID.code(), null,
                            "an item " + where(parent) + " has no linkId"));
                    continue;
                }
                if (seen.contains(linkId)) {
                    problems.add(error(ErrorCode.ITEM_REPEATED, linkId,
                            "appears twice " + where(parent) + "; give several answers in one item"));
                    continue;
                }
                seen.add(linkId);
                ItemRule rule = q.item(linkId);
                if (rule != null && rule.order() < lastOrder) {
                    problems.add(error(ErrorCode.OUT_OF_ORDER, linkId,
                            "is out of order " + where(parent) + " (the Questionnaire " + q.measureId() + " puts it earlier)"));
                }
                lastOrder = rule == null ? lastOrder : rule.order();
                item(item, linkId, parent, underAnswer);
            }
        }

        private void item(QuestionnaireResponseItemComponent item, String linkId, @Nullable ItemRule parent, boolean underAnswer) {
            ItemRule rule = q.item(linkId);
            if (rule == null) {
                if (!item.hasAnswer()) {
                    problems.add(error(ErrorCode.UNKNOWN_ITEM, linkId, "no such item in " + q.measureId()));
                }
                answers(item, linkId, null); // the check reports the unknown linkId
                return;
            }
            String actualParent = parent == null ? null : parent.linkId();
            if (!Objects.equals(rule.parent(), actualParent) || rule.underAnswer() != underAnswer) {
                problems.add(error(ErrorCode.ITEM_MISPLACED, linkId, "is " + where(parent) + ", but belongs "
                        + (rule.parent() == null ? "at the top level" : "under " + rule.parent())));
                return;
            }
            if (item.hasText() && !item.getText().equals(rule.text())) {
                problems.add(error(ErrorCode.ITEM_TEXT_DIFFERS, linkId, "text differs from the Questionnaire's"));
            }
            if (rule.type() == ItemType.GROUP) {
                int before = answers.size();
                answers(item, linkId, null);
                items(item.getItem(), rule, false);
                if (answers.size() == before) {
                    containers.add(new Containers.Present(rule, item.hasItem(), Set.of()));
                }
            } else {
                if (item.hasItem()) {
                    problems.add(error(ErrorCode.ITEM_WRONGLY_NESTED, linkId, rule.type() == ItemType.DISPLAY
                            ? "a display item has no sub-items" : "sub-items of a question belong under its answer"));
                }
                answers(item, linkId, rule);
            }
        }

        private void answers(QuestionnaireResponseItemComponent item, String linkId, @Nullable ItemRule rule) {
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                // An answer may hold only sub-items (R4: value[x] is 0..1); HAPI accepts that.
                boolean container = !answer.hasValue() && answer.hasItem();
                if (!container) {
                    AnswerValues.read(linkId, answer.getValue(), problems).ifPresent(v -> answers.add(new Answer(linkId, v)));
                }
                if (rule != null && q.hasChildren(rule.linkId())) {
                    int nested = answers.size();
                    items(answer.getItem(), rule, true);
                    containers.add(new Containers.Present(rule, answer.hasItem(), childrenAnswered(rule, nested)));
                } else if (rule != null) {
                    items(answer.getItem(), rule, true);
                }
            }
        }

        /** The direct sub-items of {@code rule} answered among the answers from index {@code from} on. */
        private Set<String> childrenAnswered(ItemRule rule, int from) {
            Set<String> children = new HashSet<>();
            for (Answer a : answers.subList(from, answers.size())) {
                ItemRule r = q.item(a.linkId());
                while (r != null && r.parent() != null && !r.parent().equals(rule.linkId())) {
                    r = q.item(r.parent());
                }
                if (r != null && rule.linkId().equals(r.parent())) {
                    children.add(r.linkId());
                }
            }
            return children;
        }

        private static String where(@Nullable ItemRule parent) {
            return parent == null ? "at the top level" : "under " + parent.linkId();
        }

        private static Issue error(ErrorCode code, String linkId, String what) {
            return Issue.error(code.code(), linkId, linkId + ": " + what);
        }
    }
}
