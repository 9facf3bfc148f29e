package org.openrom.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ContentPackStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and checks a site's licensed content pack (format: docs/content-packs.md): {@code pack.json},
 * {@code text/<measure>.<language>.json}, {@code norms/<table>.json}. A broken file or entry is reported and left
 * out; the rest is used. Never logs item text.
 */
final class ContentPackLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ContentPackLoader.class);

    private final Catalogue catalogue;
    private final ObjectMapper json;
    private final List<String> missing = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ContentPackLoader(Catalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    static ContentPack load(@Nullable Path dir, Catalogue catalogue, ObjectMapper json) {
        return new ContentPackLoader(catalogue, json).load(dir);
    }

    private ContentPack load(@Nullable Path dir) {
        if (dir == null) {
            missing.add("no content pack configured (contentPackDir): licensed measures show placeholder text and "
                    + "have no T-scores");
            return ContentPack.none(status(false, null, null, null, Map.of(), Map.of()));
        }
        if (!Files.isDirectory(dir)) {
            problems.add("content pack folder " + dir + " does not exist or is not a folder");
            return ContentPack.none(status(true, dir, null, null, Map.of(), Map.of()));
        }
        JsonNode manifest = read(dir.resolve("pack.json"));
        String name = null;
        String version = null;
        if (manifest != null) {
            name = manifest.path("name").asText(null);
            version = manifest.path("version").asText(null);
            if (name == null || version == null) {
                problems.add(dir.resolve("pack.json") + ": needs \"name\" and \"version\" strings");
            }
        }
        Map<String, Map<String, Map<String, String>>> texts = new TextFiles(catalogue, problems)
                .load(files(dir.resolve("text")), this::read);
        Map<String, NormTable> norms = new NormFiles(catalogue, problems).load(files(dir.resolve("norms")), this::read);
        reportMissing(texts, norms);
        LOG.info("content pack {} {} loaded: text for {} measures, {} norm tables, {} missing, {} problems", name,
                version, texts.size(), norms.size(), missing.size(), problems.size());
        return new ContentPack(texts, norms, status(true, dir, name, version, texts, norms));
    }

    private void reportMissing(Map<String, Map<String, Map<String, String>>> texts, Map<String, NormTable> norms) {
        for (Measure m : catalogue.all()) {
            MeasureRules r = m.rules();
            if (r.licensedText() && !texts.containsKey(m.id())) {
                missing.add(m.id() + ": no item text in the pack (licensed): placeholders are shown");
            }
            if (texts.containsKey(m.id())) {
                texts.get(m.id()).forEach((lang, byLink) -> {
                    List<String> absent = m.items().values().stream()
                            .filter(i -> !i.readOnly() && !byLink.containsKey(i.linkId()))
                            .map(QuestionnaireItem::linkId)
                            .toList();
                    if (!absent.isEmpty()) {
                        missing.add("text/" + m.id() + "." + lang + ".json: no text for " + absent.size() + " items: "
                                + String.join(", ", absent));
                    }
                });
            }
            if (r.norms() != null) {
                NormTable t = norms.get(r.norms().table());
                if (t == null) {
                    missing.add(m.id() + ": no norm table " + r.norms().table() + ": raw scores only, no T-scores");
                } else {
                    missing.addAll(NormFiles.uncovered(r.norms(), t));
                }
            }
        }
    }

    private List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            problems.add("cannot list " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    private @Nullable JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            problems.add(file + " is missing");
            return null;
        }
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(file + " is not readable JSON: " + e.getMessage());
            return null;
        }
    }

    private ContentPackStatus status(boolean configured, @Nullable Path dir, @Nullable String name,
            @Nullable String version, Map<String, Map<String, Map<String, String>>> texts, Map<String, NormTable> norms) {
        Map<String, List<String>> languages = new LinkedHashMap<>();
        new TreeMap<>(texts).forEach((m, byLang) -> languages.put(m, byLang.keySet().stream().sorted().toList()));
        return new ContentPackStatus(configured, dir == null ? null : dir.toString(), name, version, languages,
                norms.keySet().stream().sorted().toList(), missing, problems);
    }

    /** Reads one JSON file, reporting a problem (and returning null) when it cannot. */
    interface Reader {
        @Nullable
        JsonNode read(Path file);
    }
}
