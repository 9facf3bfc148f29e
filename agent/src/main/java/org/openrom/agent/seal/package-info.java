/**
 * Sealing a quarter's batch: read the site's SQLite buffer, pseudonymise and generalise, build FHIR R4 resources
 * from an allow-list, scan for identifiers, then gzip, sign and encrypt as ADR 0004 fixes (docs/batch-format.md
 * says what leaves the site).
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link org.openrom.agent.seal.Sealer#seal(SealRequest)} writes {@code <batchId>.p7m} (fsynced, renamed
 *       atomically from {@code .p7m.part}) and returns a {@link org.openrom.agent.seal.SealedBatch}: path, size,
 *       SHA-256 of the file, the manifest and the counts, and the outbox {@code seq} range it holds. On any failure
 *       it throws {@link org.openrom.agent.seal.SealException} (a stable {@link org.openrom.agent.seal.SealError}
 *       code) and leaves no file behind.
 *   <li>{@link org.openrom.agent.seal.Preview#run(Selection, javax.crypto.SecretKey, int, java.time.LocalDate,
 *       java.io.OutputStream)}
 *       writes exactly the NDJSON that would leave the site (before gzip and encryption) and returns a
 *       {@link org.openrom.agent.seal.PreviewReport}: counts, data quality and the k-anonymity report.
 * </ul>
 *
 * <p>What is selected ({@link org.openrom.agent.seal.Selection}): outbox rows with {@code seq > afterSeq} whose
 * {@code created_at} is before the end of the quarter (the day after {@code quarter.end} at 00:00 in the
 * selection's zone). Rows created before the quarter's start that were never sent travel with it (catch-up);
 * rows created after its end wait for the next quarter. The caller keeps the cursor: the next batch starts
 * after {@link org.openrom.agent.seal.SealedBatch#lastSeq()}. The sealer only reads the site database.
 *
 * <p>Memory does not grow with the batch: rows are streamed patient by patient into a gzip temp file, then the
 * ZIP, SignedData and AuthEnvelopedData are streamed in one pass. Thread-safety: a {@code Sealer} is stateless and
 * may be shared; each call opens its own read-only connection.
 */
@NullMarked
package org.openrom.agent.seal;

import org.jspecify.annotations.NullMarked;
