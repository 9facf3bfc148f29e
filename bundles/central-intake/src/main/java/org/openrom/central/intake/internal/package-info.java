/**
 * The collator's intake (ADR 0004). {@link org.openrom.central.intake.internal.BatchServlet} answers
 * {@code PUT /collator/batches/{site}/{batchId}} under {@link org.openrom.central.intake.internal.CollatorContext};
 * {@link org.openrom.central.intake.internal.BatchIntake} runs the checks in order and stores a batch in one
 * transaction ({@link org.openrom.central.intake.internal.CollatorStore}).
 */
@NullMarked
package org.openrom.central.intake.internal;

import org.jspecify.annotations.NullMarked;
