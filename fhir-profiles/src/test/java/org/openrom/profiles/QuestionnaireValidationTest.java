package org.openrom.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped Questionnaire validates against FHIR R4 with HAPI's instance validator (no errors). The SDC
 * Questionnaire profile the resources declare is not in HAPI's offline packages, so the validator cannot check
 * it: the test validates each resource with {@code meta.profile} taken out, strictly against core R4, and keeps
 * the SDC claim in the shipped files.
 */
class QuestionnaireValidationTest {
    static FhirContext ctx;
    static FhirValidator validator;
    static final String SDC_META = "\"meta\": {\n    \"profile\": [\n      "
            + "\"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire\"\n    ]\n  },\n  ";

    @BeforeAll
    static void hapi() {
        ctx = FhirContext.forR4();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true); // the SDC calculatedExpression extension is not in the core package
        validator = ctx.newValidator().registerValidatorModule(module);
    }

    static List<String> measures() {
        return Profiles.measureIds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void validatesWithoutErrors(String measure) {
        String json = Profiles.questionnaire(measure).orElseThrow();
        String core = json.replace(SDC_META, "");
        assertThat(core).as("meta.profile removed").isNotEqualTo(json);
        ValidationResult result = validator.validateWithResult(core);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        assertThat(errors).as(measure).extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
    }

    @Test
    void theValidatorDoesFindErrorsInABrokenQuestionnaire() {
        String broken = Profiles.questionnaire("phq9").orElseThrow().replace("\"status\": \"active\"", "\"status\": \"lively\"")
                .replace("\"type\": \"choice\"", "\"type\": \"multiple-choice\"");
        ValidationResult result = validator.validateWithResult(broken);
        assertThat(result.getMessages()).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL);
    }
}
