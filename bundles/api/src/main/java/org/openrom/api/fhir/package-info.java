/**
 * The FHIR boundary, free of HAPI types. {@link org.openrom.api.fhir.QuestionnaireResponses} turns a FHIR
 * R4 QuestionnaireResponse (JSON) into a {@link org.openrom.api.fhir.CapturedResponse} and checks it
 * against its Questionnaire; problems come back as {@link org.openrom.api.fhir.Issue}s that name the item.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.openrom.api.fhir;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
