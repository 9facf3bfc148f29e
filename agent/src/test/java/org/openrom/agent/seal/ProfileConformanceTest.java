package org.openrom.agent.seal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.profiles.Profiles;

/**
 * Every resource of a sealed batch conforms to its StructureDefinition in fhir-profiles, checked by HAPI's
 * FhirInstanceValidator (HAPI is a test dependency only; the agent's main path never loads it). Questionnaires are
 * not resolved, so answers are checked against the profile, not against each measure's items.
 */
class ProfileConformanceTest {

    static final String ROOT = "/org/openrom/profiles/structuredefinitions/";
    static final String BASE = "http://openrom.org/fhir/StructureDefinition/openrom-batch-";

    @TempDir
    static Path dir;

    static FhirValidator validator;
    static List<JsonNode> resources;

    @BeforeAll
    static void validatorAndBatch() throws Exception {
        FhirContext ctx = FhirContext.forR4();
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
        for (String name : read("index.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            ours.addStructureDefinition(ctx.newJsonParser().parseResource(StructureDefinition.class, read(name + ".json")));
        }
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx), ours,
                new SnapshotGeneratingValidationSupport(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx));
        validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        SealFixture fixture = new SealFixture(dir, 4, 6);
        SealedBatch sealed = new Sealer().seal(fixture.request(dir.resolve("out")).build());
        resources = OpenedBatch.open(sealed.file(), fixture.pki).resources();
    }

    static String read(String name) throws IOException {
        try (InputStream in = Profiles.class.getResourceAsStream(ROOT + name)) {
            assertThat(in).as(ROOT + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> errors(JsonNode resource) {
        String profile = BASE + resource.path("resourceType").asText().toLowerCase();
        ValidationResult r = validator.validateWithResult(resource.toString(), new ValidationOptions().addProfile(profile));
        return r.getMessages().stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }

    @Test
    void everyResourceOfABatchConformsToItsProfile() {
        Set<String> types = new HashSet<>();
        for (JsonNode r : resources) {
            types.add(r.path("resourceType").asText());
            assertThat(errors(r)).as(r.toString()).isEmpty();
        }
        assertThat(types).containsExactlyInAnyOrder("Patient", "EpisodeOfCare", "Encounter", "QuestionnaireResponse",
                "Observation");
    }

    @Test
    void theProfilesRejectANameAnItemTextAndAFreeTextAnswer() {
        ObjectNode patient = (ObjectNode) first("Patient").deepCopy();
        patient.putArray("name").addObject().put("family", "Smith");
        assertThat(errors(patient)).anyMatch(e -> e.contains("Patient.name"));
        ObjectNode response = (ObjectNode) first("QuestionnaireResponse").deepCopy();
        ObjectNode item = (ObjectNode) response.withArray("item").get(0);
        item.put("text", "How are you?");
        item.putArray("answer").addObject().put("valueString", "I talked to Jamie at school");
        assertThat(errors(response)).hasSizeGreaterThanOrEqualTo(2);
    }

    static JsonNode first(String type) {
        return resources.stream().filter(r -> r.path("resourceType").asText().equals(type)).findFirst().orElseThrow();
    }
}
