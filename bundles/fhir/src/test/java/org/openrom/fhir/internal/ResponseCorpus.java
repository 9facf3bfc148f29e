package org.openrom.fhir.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;

/**
 * Seeded random QuestionnaireResponses, valid and invalid, across every compiled Questionnaire: a plausible
 * response per Questionnaire, then (for most) one mutation. The label says what was done; whether the result is
 * valid is for the validators to say.
 */
public final class ResponseCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was done to a response. */
    public enum Mutation {
        NONE, DROP_REQUIRED, IN_PROGRESS_MISSING, UNKNOWN_LINK_ID, BAD_CODE, BAD_SYSTEM, BELOW_MIN, ABOVE_MAX,
        WRONG_TYPE, ANSWER_DISABLED, DUPLICATE_ANSWER, DUPLICATE_ITEM, TOO_LONG, TOO_LONG_TEXT, GROUP_ANSWER,
        SWAP_ORDER, MISPLACED, TEXT_CHANGED, PLAIN_CANONICAL, EMPTY_ANSWER, NO_SYSTEM, EMPTY_GROUP, DUPLICATE_ITEM_REPEATING
    }

    /**
     * The mutations where the fast check follows the FHIR spec and HAPI's validator (6.7.9) does not: the check
     * refuses, HAPI accepts. See CorpusEquivalenceTest.
     */
    public static final java.util.Set<Mutation> KNOWN_DIFFERENCES =
            java.util.EnumSet.of(Mutation.TOO_LONG_TEXT, Mutation.DUPLICATE_ITEM_REPEATING);

    /** One response. */
    public record Sample(int index, String measureId, Mutation mutation, String json) {}

    private final Random random;
    private final List<CompiledQuestionnaire> questionnaires;

    public ResponseCorpus(long seed, List<CompiledQuestionnaire> questionnaires) {
        this.random = new Random(seed);
        this.questionnaires = List.copyOf(questionnaires);
    }

    /** {@code count} responses, round-robin over the Questionnaires; about a third left valid. */
    public List<Sample> generate(int count) {
        List<Sample> samples = new ArrayList<>(count);
        Mutation[] mutations = Mutation.values();
        for (int i = 0; i < count; i++) {
            CompiledQuestionnaire q = questionnaires.get(i % questionnaires.size());
            Sample s = sample(i, q, Mutation.NONE);
            // Most get a mutation; when the Questionnaire offers nothing to mutate that way, try another.
            for (int attempt = 0; random.nextInt(3) != 0 && attempt < 4 && s.mutation() == Mutation.NONE; attempt++) {
                s = sample(i, q, mutations[1 + random.nextInt(mutations.length - 1)]);
            }
            samples.add(s);
        }
        return samples;
    }

    private Sample sample(int index, CompiledQuestionnaire q, Mutation wanted) {
        Tree tree = new Tree(q, random, wanted == Mutation.ANSWER_DISABLED);
        List<Node> items = tree.build(null);
        Mutation done = new Mutator(q, random, tree).apply(wanted, items);
        ObjectNode qr = JSON.createObjectNode();
        qr.put("resourceType", "QuestionnaireResponse");
        qr.put("id", "corpus-" + index);
        qr.put("status", done == Mutation.IN_PROGRESS_MISSING ? "in-progress" : "completed");
        qr.put("questionnaire", done == Mutation.PLAIN_CANONICAL ? q.url() : q.canonical());
        qr.putObject("subject").put("reference", "Patient/p" + random.nextInt(1000));
        qr.put("authored", "2026-11-" + (10 + random.nextInt(12)) + "T10:15:00Z");
        ArrayNode array = qr.putArray("item");
        items.forEach(n -> array.add(n.toJson()));
        return new Sample(index, q.measureId(), done, qr.toString());
    }

    /** An item of the response being built. */
    static final class Node {
        final String linkId;
        final @Nullable ItemRule rule;
        final List<ObjectNode> answers = new ArrayList<>();
        final List<List<Node>> answerItems = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        @Nullable String text;

        Node(String linkId, @Nullable ItemRule rule) {
            this.linkId = linkId;
            this.rule = rule;
        }

        void answer(ObjectNode value, List<Node> nested) {
            answers.add(value);
            answerItems.add(nested);
        }

        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("linkId", linkId);
            if (text != null) {
                o.put("text", text);
            }
            if (!answers.isEmpty()) {
                ArrayNode a = o.putArray("answer");
                for (int i = 0; i < answers.size(); i++) {
                    ObjectNode answer = answers.get(i).deepCopy();
                    if (!answerItems.get(i).isEmpty()) {
                        ArrayNode nested = answer.putArray("item");
                        answerItems.get(i).forEach(n -> nested.add(n.toJson()));
                    }
                    a.add(answer);
                }
            }
            if (!children.isEmpty()) {
                ArrayNode c = o.putArray("item");
                children.forEach(n -> c.add(n.toJson()));
            }
            return o;
        }
    }

    /** Builds a plausible response, item by item in Questionnaire order, following enableWhen. */
    static final class Tree {
        final CompiledQuestionnaire q;
        final Random random;
        final boolean answerDisabled;
        final Map<String, List<AnswerValue>> given = new HashMap<>();
        final Values values;

        Tree(CompiledQuestionnaire q, Random random, boolean answerDisabled) {
            this.q = q;
            this.random = random;
            this.answerDisabled = answerDisabled;
            this.values = new Values(random);
        }

        List<Node> build(@Nullable String parent) {
            List<Node> nodes = new ArrayList<>();
            for (ItemRule rule : children(parent)) {
                boolean enabled = rule.isEnabled(given);
                boolean include = enabled ? (rule.required() || random.nextInt(4) != 0) : answerDisabled && random.nextBoolean();
                if (rule.readOnly()) {
                    include = random.nextBoolean();
                }
                if (!include) {
                    continue;
                }
                Node node = new Node(rule.linkId(), rule);
                if (rule.type() == ItemType.GROUP) {
                    node.children.addAll(build(rule.linkId()));
                    if (!node.children.isEmpty()) {
                        nodes.add(node);
                    }
                } else if (rule.type() == ItemType.DISPLAY) {
                    if (random.nextInt(10) == 0) {
                        nodes.add(node);
                    }
                } else {
                    int n = rule.repeats() ? 1 + random.nextInt(2) : 1;
                    List<ObjectNode> distinct = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        ObjectNode v = values.valid(rule);
                        if (!distinct.contains(v)) {
                            distinct.add(v);
                        }
                    }
                    for (ObjectNode v : distinct) {
                        given.computeIfAbsent(rule.linkId(), k -> new ArrayList<>()).add(Values.toAnswerValue(v));
                        node.answer(v, hasChildren(rule.linkId()) ? build(rule.linkId()) : List.of());
                    }
                    nodes.add(node);
                }
            }
            return nodes;
        }

        List<ItemRule> children(@Nullable String parent) {
            return q.items().stream()
                    .filter(r -> parent == null ? r.parent() == null : parent.equals(r.parent()))
                    .toList();
        }

        boolean hasChildren(String linkId) {
            return q.items().stream().anyMatch(r -> linkId.equals(r.parent()));
        }
    }

    /** All nodes of a tree with the list that holds each, for mutations. */
    record Place(Node node, List<Node> siblings) {}

    static List<Place> places(List<Node> items, Predicate<Node> filter) {
        List<Place> out = new ArrayList<>();
        for (Node n : items) {
            if (filter.test(n)) {
                out.add(new Place(n, items));
            }
            out.addAll(places(n.children, filter));
            for (List<Node> nested : n.answerItems) {
                out.addAll(places(nested, filter));
            }
        }
        out.sort(Comparator.comparingInt(p -> p.node.rule == null ? -1 : p.node.rule.order()));
        return out;
    }
}
