package org.openrom.scoring.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ContentPackStatus;

/**
 * A loaded content pack: item text by measure, language and linkId; norm tables by id; and the status report.
 * Immutable.
 */
record ContentPack(
        Map<String, Map<String, Map<String, String>>> texts, Map<String, NormTable> norms, ContentPackStatus status) {

    ContentPack {
        texts = Map.copyOf(texts);
        norms = Map.copyOf(norms);
    }

    static ContentPack none(ContentPackStatus status) {
        return new ContentPack(Map.of(), Map.of(), status);
    }

    @Nullable
    NormTable norm(String table) {
        return norms.get(table);
    }

    Map<String, String> texts(String measure, String language) {
        return texts.getOrDefault(measure, Map.of()).getOrDefault(language, Map.of());
    }
}
