package org.openrom.fhir.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.openrom.fhir.internal.ResponseCorpus.Mutation;
import org.openrom.fhir.internal.ResponseCorpus.Node;
import org.openrom.fhir.internal.ResponseCorpus.Place;

/** Applies one {@link Mutation} to a built response; says NONE when the Questionnaire offers nothing to mutate. */
final class Mutator {
    private final CompiledQuestionnaire q;
    private final Random random;
    private final ResponseCorpus.Tree tree;

    Mutator(CompiledQuestionnaire q, Random random, ResponseCorpus.Tree tree) {
        this.q = q;
        this.random = random;
        this.tree = tree;
    }

    Mutation apply(Mutation m, List<Node> items) {
        return switch (m) {
            case NONE, PLAIN_CANONICAL, ANSWER_DISABLED -> m;
            case DROP_REQUIRED, IN_PROGRESS_MISSING -> pick(items, n -> n.rule.required() && !n.answers.isEmpty(), p -> p.siblings().remove(p.node()), m);
            case UNKNOWN_LINK_ID -> unknown(items);
            case BAD_CODE -> pick(items, isType(ItemType.CHOICE), p -> coding(p.node()).put("code", "zz9"), m);
            case BAD_SYSTEM -> pick(items, isType(ItemType.CHOICE), p -> coding(p.node()).put("system", "http://example.org/other"), m);
            case BELOW_MIN -> pick(items, n -> bounded(n) && (n.rule.bounds().min() != null || n.rule.bounds().minDate() != null), p -> outside(p.node(), true), m);
            case ABOVE_MAX -> pick(items, n -> bounded(n) && (n.rule.bounds().max() != null || n.rule.bounds().maxDate() != null), p -> outside(p.node(), false), m);
            case WRONG_TYPE -> pick(items, n -> n.rule.type().isQuestion() && !n.answers.isEmpty(), p -> p.node().answers.set(0, tree.values.wrongType(p.node().rule)), m);
            case DUPLICATE_ANSWER -> pick(items, n -> n.rule.type().isQuestion() && !n.rule.repeats() && !n.answers.isEmpty(),
                    p -> p.node().answer(tree.values.valid(p.node().rule), List.of()), m);
            case DUPLICATE_ITEM -> pick(items, n -> duplicable(n) && !n.rule.repeats(), this::duplicate, m);
            case DUPLICATE_ITEM_REPEATING -> pick(items, n -> duplicable(n) && n.rule.repeats(), this::duplicate, m);
            case TOO_LONG -> pick(items, n -> n.rule.type() == ItemType.STRING && n.rule.bounds().maxLength() > 0, this::tooLong, m);
            case TOO_LONG_TEXT -> pick(items, n -> n.rule.type() == ItemType.TEXT && n.rule.bounds().maxLength() > 0, this::tooLong, m);
            case GROUP_ANSWER -> pick(items, n -> n.rule.type() == ItemType.GROUP, p -> p.node().answer(tree.values.valid(anyQuestion()), List.of()), m);
            case SWAP_ORDER -> swap(items);
            case MISPLACED -> misplace(items);
            case EMPTY_ANSWER -> pick(items, n -> n.rule.type().isQuestion() && !n.answers.isEmpty(),
                    p -> p.node().answers.set(0, p.node().answers.get(0).objectNode()), m);
            case NO_SYSTEM -> pick(items, isType(ItemType.CHOICE), p -> coding(p.node()).remove("system"), m);
            case EMPTY_GROUP -> pick(items, n -> n.rule.type() == ItemType.GROUP, p -> p.node().children.clear(), m);
            case TEXT_CHANGED -> pick(items, n -> n.rule.text() != null, p -> p.node().text = p.node().rule.text() + " (changed)", m);
        };
    }

    private Mutation pick(List<Node> items, Predicate<Node> filter, java.util.function.Consumer<Place> change, Mutation m) {
        List<Place> candidates = ResponseCorpus.places(items, n -> n.rule != null && filter.test(n));
        if (candidates.isEmpty()) {
            return Mutation.NONE;
        }
        change.accept(candidates.get(random.nextInt(candidates.size())));
        return m;
    }

    private static boolean duplicable(Node n) {
        return n.rule.type().isQuestion() && !n.answers.isEmpty() && n.answerItems.get(0).isEmpty();
    }

    /** The same linkId again, as the next sibling, with an answer of its own. */
    private void duplicate(Place p) {
        Node copy = new Node(p.node().linkId, p.node().rule);
        copy.answer(tree.values.valid(p.node().rule), List.of());
        p.siblings().add(p.siblings().indexOf(p.node()) + 1, copy);
    }

    private static Predicate<Node> isType(ItemType t) {
        return n -> n.rule.type() == t && !n.answers.isEmpty();
    }

    private static boolean bounded(Node n) {
        return !n.answers.isEmpty() && (n.rule.type() == ItemType.INTEGER || n.rule.type() == ItemType.DECIMAL || n.rule.type() == ItemType.DATE);
    }

    private static ObjectNode coding(Node n) {
        return (ObjectNode) n.answers.get(0).get("valueCoding");
    }

    private void outside(Node n, boolean below) {
        ValueBounds b = n.rule.bounds();
        ObjectNode v = n.answers.get(0);
        switch (n.rule.type()) {
            case INTEGER -> v.put("valueInteger", below ? b.min().longValueExact() - 1 - random.nextInt(3) : b.max().longValueExact() + 1 + random.nextInt(3));
            case DECIMAL -> v.put("valueDecimal", below ? b.min().subtract(new BigDecimal("0.1")) : b.max().add(new BigDecimal("0.5")));
            default -> v.put("valueDate", (below ? b.minDate().minusDays(1) : b.maxDate().plusDays(1)).toString());
        }
    }

    private void tooLong(Place p) {
        int max = p.node().rule.bounds().maxLength();
        p.node().answers.get(0).put("valueString", tree.values.letters(max + 1 + random.nextInt(5)));
    }

    private ItemRule anyQuestion() {
        return q.items().stream().filter(r -> r.type().isQuestion()).findFirst().orElseThrow();
    }

    private Mutation unknown(List<Node> items) {
        Node n = new Node("zz-unknown-" + random.nextInt(100), null);
        n.answer(tree.values.valid(anyQuestion()), List.of());
        items.add(random.nextInt(items.size() + 1), n);
        return Mutation.UNKNOWN_LINK_ID;
    }

    private Mutation swap(List<Node> items) {
        if (items.size() < 2) {
            return Mutation.NONE;
        }
        int i = random.nextInt(items.size() - 1);
        Collections.swap(items, i, i + 1);
        return Mutation.SWAP_ORDER;
    }

    private Mutation misplace(List<Node> items) {
        List<Place> groups = ResponseCorpus.places(items, n -> n.rule != null && n.rule.type() == ItemType.GROUP);
        List<Node> top = items.stream().filter(n -> n.rule != null && n.rule.type().isQuestion() && n.answerItems.stream().allMatch(List::isEmpty)).toList();
        if (groups.isEmpty() || top.isEmpty()) {
            return Mutation.NONE;
        }
        Node moved = top.get(random.nextInt(top.size()));
        items.remove(moved);
        Node group = groups.get(random.nextInt(groups.size())).node();
        group.children.add(moved);
        return Mutation.MISPLACED;
    }
}
