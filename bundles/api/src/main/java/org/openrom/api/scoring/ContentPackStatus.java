package org.openrom.api.scoring;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the site's licensed content pack supplied and what it lacks.
 *
 * @param configured whether a content pack folder is configured
 * @param directory the folder; null when none is configured
 * @param name the pack's name from its manifest; null when not loaded
 * @param version the pack's version from its manifest; null when not loaded
 * @param texts measure id → languages with item text, for measures with text in the pack
 * @param normTables the norm tables loaded, e.g. {@code rcads-c}
 * @param missing what a complete pack would add, each a sentence (e.g. a licensed measure without text, a norm
 *     table or norm cells the rules need); the runtime still scores, with placeholders and raw scores
 * @param problems errors in what the pack does contain, each a sentence naming the file, the entry and the value;
 *     entries with errors are not used
 * @since 1.0.0
 */
public record ContentPackStatus(
        boolean configured,
        @Nullable String directory,
        @Nullable String name,
        @Nullable String version,
        Map<String, List<String>> texts,
        List<String> normTables,
        List<String> missing,
        List<String> problems) {
    /** @throws NullPointerException when a collection is null */
    public ContentPackStatus {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(texts, "texts")));
        normTables = List.copyOf(normTables);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }
}
