package org.openrom.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads the resources this module ships. Works the same on a flat class path and inside OSGi, because it
 * loads through this class's own class loader.
 *
 * <p>Layout: {@code org/openrom/profiles/measures.txt} lists the measure ids, one a line;
 * {@code questionnaires/<id>.json} is the measure's FHIR R4 Questionnaire and {@code rules/<id>.json} its
 * scoring rules.
 *
 * @since 1.0.0
 */
public final class Profiles {

    /** The canonical base of OpenROM's Questionnaires; a measure's canonical is this plus its id. */
    public static final String QUESTIONNAIRE_BASE = "http://openrom.org/fhir/Questionnaire/";

    private static final String ROOT = "/org/openrom/profiles/";

    private Profiles() {}

    /** The measure ids, in catalogue order. */
    public static List<String> measureIds() {
        return read("measures.txt")
                .orElseThrow(() -> new IllegalStateException("measures.txt missing from org.openrom.profiles"))
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** A measure's Questionnaire as JSON, or empty for an unknown id. */
    public static Optional<String> questionnaire(String measureId) {
        return read("questionnaires/" + checkId(measureId) + ".json");
    }

    /** A measure's scoring rules as JSON, or empty when the measure has none (or the id is unknown). */
    public static Optional<String> rules(String measureId) {
        return read("rules/" + checkId(measureId) + ".json");
    }

    private static String checkId(String measureId) {
        if (!measureId.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("not a measure id: " + measureId);
        }
        return measureId;
    }

    private static Optional<String> read(String path) {
        try (InputStream in = Profiles.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + path, e);
        }
    }
}
