/**
 * The scoring engine. {@link org.openrom.scoring.internal.Catalogue} reads every measure's Questionnaire and rules
 * (fhir-profiles) into {@link org.openrom.scoring.internal.Measure}s; {@link org.openrom.scoring.internal.ScoreEngine}
 * scores a response with them; {@link org.openrom.scoring.internal.ChangeCalculator} and
 * {@link org.openrom.scoring.internal.CaseVerdicts} compare scores; {@link org.openrom.scoring.internal.ContentPackLoader}
 * reads the site's licensed pack. Code exists only for what the data cannot say: {@link
 * org.openrom.scoring.internal.SdqImpactRule} and {@link org.openrom.scoring.internal.NormLookup}.
 */
@NullMarked
package org.openrom.scoring.internal;

import org.jspecify.annotations.NullMarked;
