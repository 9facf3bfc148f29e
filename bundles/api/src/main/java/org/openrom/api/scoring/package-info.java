/**
 * Scoring of routine outcome measures. {@link org.openrom.api.scoring.ScoringService} turns a response's answers
 * ({@link org.openrom.api.scoring.ScoringRequest}) into a {@link org.openrom.api.scoring.ScoreSet} (each scale a
 * value or a {@link org.openrom.api.scoring.Missing} reason, bands, T-scores, {@link org.openrom.api.scoring.Alert}s),
 * compares two score sets of one measure ({@link org.openrom.api.scoring.Change}), and applies the multi-measure
 * verdicts of CORC ({@link org.openrom.api.scoring.CaseVerdict}) and NHS Talking Therapies
 * ({@link org.openrom.api.scoring.TalkingTherapiesOutcome}). The rules are data (MEASURES.md, fhir-profiles).
 */
@Export
@Version("1.0.0")
@NullMarked
package org.openrom.api.scoring;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
