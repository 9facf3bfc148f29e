package org.openrom.fhir.internal;

import java.lang.annotation.Annotation;

/** A {@link HapiQuestionnaireResponses.Config} for tests, by implementing the annotation interface. */
public record TestConfig(long readyTimeoutSeconds) implements HapiQuestionnaireResponses.Config {
    public static final TestConfig DEFAULT = new TestConfig(120);

    @Override
    public Class<? extends Annotation> annotationType() {
        return HapiQuestionnaireResponses.Config.class;
    }
}
