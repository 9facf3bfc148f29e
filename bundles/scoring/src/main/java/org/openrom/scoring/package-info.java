/**
 * Plain-Java entry points to scoring (no OSGi needed): {@link org.openrom.scoring.Scoring#open} builds the scoring
 * service; {@link org.openrom.scoring.ScoreJson} gives score sets, changes and verdicts their stable JSON form
 * (docs/scoring-json.md) and reads the simple {@code {"measure":…, "answers":{…}}} request form.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.openrom.scoring;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
