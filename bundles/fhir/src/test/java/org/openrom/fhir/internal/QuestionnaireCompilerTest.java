package org.openrom.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.openrom.profiles.Profiles;

class QuestionnaireCompilerTest {
    private static final FhirContext R4 = FhirContext.forR4Cached();

    @Test
    void compilesEveryQuestionnaireInProfiles() {
        Map<String, String> profiles = new LinkedHashMap<>();
        Profiles.measureIds().forEach(id -> profiles.put(id, Profiles.questionnaire(id).orElseThrow()));
        R4Engine engine = R4Engine.start(profiles);
        assertThat(engine.refused()).as("Questionnaires the check cannot judge").isEmpty();
        assertThat(engine.catalog().all()).extracting(CompiledQuestionnaire::measureId)
                .containsExactlyElementsOf(Profiles.measureIds());
        assertThat(engine.catalog().canonicals()).contains("http://openrom.org/fhir/Questionnaire/phq9|1.0.0");
    }

    @Test
    void compilesPhq9ChoicesWithTheirOptionsAndTheReadOnlyTotal() {
        CompiledQuestionnaire q = compile(Profiles.questionnaire("phq9").orElseThrow());
        ItemRule q9 = q.item("q9");
        assertThat(q9.type()).isEqualTo(ItemType.CHOICE);
        assertThat(q9.required()).isTrue();
        assertThat(q9.options()).hasSize(4).contains(new Option("http://loinc.org", "LA6571-9"));
        assertThat(q.item("total").readOnly()).isTrue();
        assertThat(q.item("intro").type()).isEqualTo(ItemType.DISPLAY);
    }

    @Test
    void refusesWhatTheCheckCannotJudgeNamingTheItem() {
        assertRefused("{\"linkId\":\"q1\",\"type\":\"quantity\"}", "item q1: unsupported item type: quantity");
        assertRefused("{\"linkId\":\"q1\",\"type\":\"choice\",\"answerValueSet\":\"http://x/vs\"}", "item q1: answerValueSet is not supported");
        assertRefused("{\"linkId\":\"g\",\"type\":\"group\",\"repeats\":true,\"item\":[{\"linkId\":\"a\",\"type\":\"boolean\"}]}",
                "item g: repeating groups are not supported");
        assertRefused("{\"linkId\":\"q1\",\"type\":\"boolean\",\"repeats\":true,\"item\":[{\"linkId\":\"a\",\"type\":\"string\"}]}",
                "item q1: sub-items of a repeating question are not supported");
        assertRefused("{\"linkId\":\"q1\",\"type\":\"integer\",\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/minValue\",\"valueDecimal\":0.5}]}",
                "item q1: minValue/maxValue of an integer item must be valueInteger");
        assertRefused("{\"linkId\":\"q1\",\"type\":\"boolean\",\"enableWhen\":[{\"question\":\"nope\",\"operator\":\"exists\",\"answerBoolean\":true}]}",
                "item q1: enableWhen names no such item: nope");
        assertRefused("{\"linkId\":\"q0\",\"type\":\"integer\"},{\"linkId\":\"q1\",\"type\":\"boolean\",\"enableWhen\":["
                + "{\"question\":\"q0\",\"operator\":\">\",\"answerInteger\":1},{\"question\":\"q0\",\"operator\":\"<\",\"answerInteger\":5}]}",
                "item q1: several enableWhen need an enableBehavior");
    }

    private static void assertRefused(String items, String message) {
        String json = "{\"resourceType\":\"Questionnaire\",\"url\":\"http://x/Q/t\",\"version\":\"1\",\"status\":\"active\",\"item\":["
                + items + "]}";
        assertThatThrownBy(() -> compile(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static CompiledQuestionnaire compile(String json) {
        return QuestionnaireCompiler.compile("t", R4.newJsonParser().parseResource(Questionnaire.class, json));
    }
}
