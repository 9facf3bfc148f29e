package org.openrom.fhir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrom.profiles.Profiles;

/** Test data: PHQ-9 responses and the test-only Questionnaires under src/test/resources/questionnaires. */
public final class Fixtures {
    /** LOINC answer codes of PHQ-9 options 0..3. */
    public static final String[] PHQ9_CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    /** Test-only Questionnaires exercising every feature the check supports. */
    public static final String[] TEST_MEASURES = {"fixture-all"};

    private Fixtures() {}

    /** A completed PHQ-9 response with the given scores (0..3) for q1..q9. */
    public static String phq9(int[] scores) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < scores.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(PHQ9_CODES[scores[i]]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"r1\",\"status\":\"completed\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"authored\":\"2026-11-22T10:15:00Z\","
                + "\"item\":[" + items + "]}";
    }

    /** Every Questionnaire in Profiles plus the test-only ones: measure id to JSON. */
    public static Map<String, String> allQuestionnaires() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String id : Profiles.measureIds()) {
            all.put(id, Profiles.questionnaire(id).orElseThrow());
        }
        for (String id : TEST_MEASURES) {
            all.put(id, resource("/questionnaires/" + id + ".json"));
        }
        return all;
    }

    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
