package org.openrom.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HAPI's FhirInstanceValidator with OpenROM's Questionnaires resolvable: the reference the fast check is compared
 * with (test and benchmark only; 50–100 ms a response, 10–25 s for the first). Not thread-safe.
 */
public final class ReferenceValidator {
    private final FhirContext context = FhirContext.forR4();
    private final FhirValidator validator;

    /** @param questionnaires measure id to Questionnaire JSON */
    public ReferenceValidator(Map<String, String> questionnaires) {
        QuestionnaireSupport questionnaireSupport = new QuestionnaireSupport(context);
        questionnaires.values().forEach(json ->
                questionnaireSupport.add(context.newJsonParser().parseResource(Questionnaire.class, json)));
        ValidationSupportChain chain = new ValidationSupportChain(
                questionnaireSupport,
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = context.newValidator().registerValidatorModule(module);
    }

    /**
     * The messages of severity ERROR or FATAL. When the validator itself throws (it does when an enableWhen
     * question carries an answer of another type than the condition's), one FATAL message without a location.
     */
    public List<SingleValidationMessage> errors(String json) {
        List<SingleValidationMessage> messages;
        try {
            messages = validator.validateWithResult(json).getMessages();
        } catch (UnprocessableEntityException e) {
            SingleValidationMessage m = new SingleValidationMessage();
            m.setSeverity(ResultSeverityEnum.FATAL);
            m.setMessage("validator failed: " + e.getMessage());
            return List.of(m);
        }
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    public FhirContext context() {
        return context;
    }

    /**
     * Makes Questionnaires resolvable by canonical (plain or {@code |version}): PrePopulatedValidationSupport does
     * not, in HAPI 8.8.1 (stack-notes §2).
     */
    static final class QuestionnaireSupport implements IValidationSupport {
        private final FhirContext context;
        private final Map<String, Questionnaire> byCanonical = new HashMap<>();

        QuestionnaireSupport(FhirContext context) {
            this.context = context;
        }

        void add(Questionnaire q) {
            byCanonical.put(q.getUrl(), q);
            byCanonical.put(q.getUrl() + "|" + q.getVersion(), q);
        }

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            Questionnaire q = byCanonical.get(uri);
            if (q != null && (type == null || type.isInstance(q))) {
                return (T) q;
            }
            return null;
        }
    }
}
