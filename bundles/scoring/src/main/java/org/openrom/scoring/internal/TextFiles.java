package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content pack's {@code text/<measure>.<language>.json} files: item text by linkId. */
final class TextFiles {
    private final Catalogue catalogue;
    private final List<String> problems;

    TextFiles(Catalogue catalogue, List<String> problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    Map<String, Map<String, Map<String, String>>> load(List<Path> files, ContentPackLoader.Reader reader) {
        Map<String, Map<String, Map<String, String>>> texts = new HashMap<>();
        for (Path file : files) {
            String base = file.getFileName().toString().replaceFirst("\\.json$", "");
            int dot = base.lastIndexOf('.');
            if (dot <= 0) {
                problems.add(file + ": name must be <measure>.<language>.json");
                continue;
            }
            String measureId = base.substring(0, dot);
            String language = base.substring(dot + 1);
            Measure measure;
            try {
                measure = catalogue.measure(measureId);
            } catch (IllegalArgumentException e) {
                problems.add(file + ": " + e.getMessage());
                continue;
            }
            JsonNode node = reader.read(file);
            if (node == null) {
                continue;
            }
            if (!measureId.equals(node.path("measure").asText()) || !language.equals(node.path("language").asText())) {
                problems.add(file + ": \"measure\" and \"language\" must be " + measureId + " and " + language
                        + ", found " + node.path("measure") + " and " + node.path("language"));
                continue;
            }
            Map<String, String> byLink = items(file, measure, node.path("items"));
            texts.computeIfAbsent(measureId, k -> new HashMap<>()).put(language, Map.copyOf(byLink));
        }
        return texts;
    }

    private Map<String, String> items(Path file, Measure measure, JsonNode items) {
        Map<String, String> byLink = new LinkedHashMap<>();
        if (!items.isObject()) {
            problems.add(file + ": \"items\" must be an object of linkId -> text");
            return byLink;
        }
        items.fields().forEachRemaining(e -> {
            QuestionnaireItem item = measure.items().get(e.getKey());
            if (item == null) {
                problems.add(file + ": " + e.getKey() + " is not a linkId of " + measure.id());
            } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                problems.add(file + ": the text of " + e.getKey() + " must be a non-empty string");
            } else {
                byLink.put(e.getKey(), e.getValue().asText());
            }
        });
        return byLink;
    }
}
