package org.openrom.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Finds an item by linkId in a QuestionnaireResponse as sent, as a simple FHIRPath with positions from 0. */
final class ItemPaths {
    private static final int MAX_DEPTH = 32;

    private ItemPaths() {}

    /** E.g. {@code QuestionnaireResponse.item[2].item[0]}, or {@code …answer[0].item[1]}; null when absent. */
    static @Nullable String find(JsonNode response, String linkId) {
        return find(response, linkId, "QuestionnaireResponse", 0);
    }

    private static @Nullable String find(JsonNode node, String linkId, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        for (String child : new String[] {"item", "answer"}) {
            JsonNode array = node.path(child);
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                String here = path + "." + child + "[" + i + "]";
                if (child.equals("item") && linkId.equals(element.path("linkId").asText(null))) {
                    return here;
                }
                String deeper = find(element, linkId, here, depth + 1);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }
}
