/**
 * Plain-Java access to OpenROM's FHIR reader for tools that run without OSGi (the {@code openrom score}
 * command line): {@link org.openrom.fhir.FhirResponses#open()}. Inside the framework, use the
 * {@link org.openrom.api.fhir.QuestionnaireResponses} service instead.
 *
 * <p>Deliberately not exported: a flat class path needs no export, and the bundle exports nothing (ADR 0001) so
 * that no HAPI-backed code is wired to from other bundles.
 */
@NullMarked
package org.openrom.fhir;

import org.jspecify.annotations.NullMarked;
