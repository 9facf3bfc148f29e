/**
 * OpenROM's FHIR conformance resources as class-path resources: {@link org.openrom.profiles.Profiles}
 * lists the measures and opens each measure's Questionnaire and scoring rules.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.openrom.profiles;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
