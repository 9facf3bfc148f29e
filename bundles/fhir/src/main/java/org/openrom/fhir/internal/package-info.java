/**
 * The FHIR bundle's implementation; nothing here is exported. Entry point: {@link
 * org.openrom.fhir.internal.HapiQuestionnaireResponses}, the DS component behind {@code
 * org.openrom.api.fhir.QuestionnaireResponses}. {@link org.openrom.fhir.internal.QuestionnaireCompiler} turns each
 * Questionnaire into plain {@link org.openrom.fhir.internal.ItemRule}s once at start; {@link
 * org.openrom.fhir.internal.ResponseReader} parses with HAPI and flattens; {@link
 * org.openrom.fhir.internal.ResponseCheck} runs the compiled rules without HAPI.
 */
@NullMarked
package org.openrom.fhir.internal;

import org.jspecify.annotations.NullMarked;
