package org.openrom.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shape rules every measure's data keeps (README.md): ids, ordinals, licence, source tags. */
class MeasureDataTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final Set<String> TYPES = Set.of("group", "display", "choice", "integer", "decimal", "string", "text",
            "boolean", "date");

    static List<String> measures() {
        return Profiles.measureIds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void questionnaireIsCompleteAndUsesOnlyTheAgreedFeatures(String id) throws Exception {
        JsonNode q = JSON.readTree(Profiles.questionnaire(id).orElseThrow());
        JsonNode r = JSON.readTree(Profiles.rules(id).orElseThrow());
        assertThat(q.path("id").asText()).isEqualTo(id);
        assertThat(q.path("url").asText()).isEqualTo(Profiles.QUESTIONNAIRE_BASE + id);
        assertThat(q.path("copyright").asText()).isNotBlank();
        assertThat(r.path("measure").asText()).isEqualTo(id);
        boolean licensed = r.path("licensedText").asBoolean();
        for (JsonNode item : items(q)) {
            String linkId = item.path("linkId").asText();
            assertThat(TYPES).as(linkId).contains(item.path("type").asText());
            JsonNode options = item.path("answerOption");
            for (int i = 0; i < options.size(); i++) {
                JsonNode ext = options.get(i).path("extension").get(0);
                assertThat(ext.path("url").asText()).isEqualTo(ORDINAL);
                assertThat(ext.path("valueDecimal").asInt()).as(linkId + " option " + i).isEqualTo(i);
            }
            if (licensed && !item.path("readOnly").asBoolean()) {
                assertThat(item.path("text").asText()).as("licensed text must be a placeholder: " + linkId)
                        .endsWith("(text from licensed content pack)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void everyNumberInTheRulesCarriesASourceTag(String id) throws Exception {
        JsonNode r = JSON.readTree(Profiles.rules(id).orElseThrow());
        for (String section : List.of("scales", "derived", "bands", "cutoffs", "reliableChange", "alerts")) {
            for (JsonNode entry : r.path(section)) {
                assertThat(entry.path("source").asText()).as(id + " " + section + " " + entry.path("id") + entry.path("scale"))
                        .isIn("V", "M", "D");
            }
        }
    }

    private static List<JsonNode> items(JsonNode parent) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode i : parent.path("item")) {
            out.add(i);
            out.addAll(items(i));
        }
        return out;
    }
}
