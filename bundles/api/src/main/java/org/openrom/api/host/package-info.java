/**
 * The host SPI: what a clinical record system gives OpenROM. A host adapter (the demo host, a SMART on
 * FHIR adapter) registers one {@link org.openrom.api.host.Host} service; OpenROM asks it who is signed
 * in, which young people are on a clinician's caseload, and which episodes of care they have.
 *
 * <p>Identifiers in these types are the host's own. They never leave the site: the submission agent
 * replaces them with keyed pseudonyms.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.openrom.api.host;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
