package org.openrom.fhir.internal;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A Questionnaire ready for checking: its items in depth-first order, by linkId. Immutable, thread-safe. */
public final class CompiledQuestionnaire {
    private final String measureId;
    private final String url;
    private final String version;
    private final List<ItemRule> items;
    private final Map<String, ItemRule> byLinkId;
    private final java.util.Set<String> parents;

    /**
     * @param measureId the measure id, e.g. {@code phq9}
     * @param url the canonical URL
     * @param version the business version
     * @param items every item, depth-first, linkIds unique
     */
    public CompiledQuestionnaire(String measureId, String url, String version, List<ItemRule> items) {
        this.measureId = requireNonNull(measureId, "measureId");
        this.url = requireNonNull(url, "url");
        this.version = requireNonNull(version, "version");
        this.items = List.copyOf(items);
        Map<String, ItemRule> m = new HashMap<>();
        for (ItemRule i : items) {
            if (m.put(i.linkId(), i) != null) {
                throw new IllegalArgumentException(measureId + ": linkId " + i.linkId() + " used twice");
            }
        }
        this.byLinkId = Map.copyOf(m);
        this.parents = items.stream().map(ItemRule::parent).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public String measureId() {
        return measureId;
    }

    public String url() {
        return url;
    }

    public String version() {
        return version;
    }

    /** {@code url|version}. */
    public String canonical() {
        return url + "|" + version;
    }

    /** Every item, depth-first. */
    public List<ItemRule> items() {
        return items;
    }

    /** Whether any item sits under the one with that linkId. */
    public boolean hasChildren(String linkId) {
        return parents.contains(linkId);
    }

    /** The item with that linkId, or null. */
    public @Nullable ItemRule item(String linkId) {
        return byLinkId.get(linkId);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
