package org.openrom.fhir;

import java.lang.annotation.Annotation;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.fhir.internal.HapiQuestionnaireResponses;

/**
 * Opens the FHIR reader from plain Java: HAPI FHIR must then be on the class path (the distribution's
 * {@code lib/tools}). The FHIR context starts on a background thread; the first {@code parse} waits for it.
 *
 * @since 1.0.0
 */
public final class FhirResponses {
    private FhirResponses() {}

    /** A reader for every Questionnaire in {@code org.openrom.profiles}, with the default start-up timeout. */
    public static QuestionnaireResponses open() {
        return new HapiQuestionnaireResponses(new HapiQuestionnaireResponses.Config() {
            @Override
            public long readyTimeoutSeconds() {
                return 120;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return HapiQuestionnaireResponses.Config.class;
            }
        });
    }
}
