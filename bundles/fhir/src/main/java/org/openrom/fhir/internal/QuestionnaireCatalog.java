package org.openrom.fhir.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The compiled Questionnaires by canonical. Immutable, thread-safe. */
public final class QuestionnaireCatalog {
    private final Map<String, CompiledQuestionnaire> byCanonical = new HashMap<>();
    private final Map<String, CompiledQuestionnaire> byUrl = new HashMap<>();
    private final List<CompiledQuestionnaire> all;

    public QuestionnaireCatalog(List<CompiledQuestionnaire> questionnaires) {
        this.all = List.copyOf(questionnaires);
        for (CompiledQuestionnaire q : questionnaires) {
            if (byCanonical.put(q.canonical(), q) != null || byUrl.put(q.url(), q) != null) {
                throw new IllegalArgumentException("two Questionnaires with url " + q.url());
            }
        }
    }

    /**
     * @param canonical {@code url|version}, or a plain url meaning the current version
     * @return the Questionnaire, or null when OpenROM knows none by that canonical
     */
    public @Nullable CompiledQuestionnaire resolve(String canonical) {
        int bar = canonical.indexOf('|');
        return bar < 0 ? byUrl.get(canonical) : byCanonical.get(canonical);
    }

    /** The known Questionnaire with that url in another version, or null. */
    public @Nullable CompiledQuestionnaire sameUrl(String canonical) {
        int bar = canonical.indexOf('|');
        return byUrl.get(bar < 0 ? canonical : canonical.substring(0, bar));
    }

    /** Every compiled Questionnaire, in catalogue order. */
    public List<CompiledQuestionnaire> all() {
        return all;
    }

    /** Every {@code url|version}, sorted. */
    public Set<String> canonicals() {
        return Set.copyOf(new TreeSet<>(byCanonical.keySet()));
    }
}
