package org.openrom.agent.seal;

import org.openrom.agent.seal.internal.BatchSealing;

/**
 * Seals batches. Stateless and thread-safe; one instance can serve every quarter.
 *
 * <p>Steps: read the selected rows patient by patient; build Patient, EpisodeOfCare, Encounter,
 * QuestionnaireResponse and Observation resources from an allow-list (pseudonymised, generalised, no free text);
 * write them as NDJSON through gzip into a temporary file while hashing; scan the NDJSON for every identifier the
 * site holds; then stream ZIP(manifest.json, payload.ndjson.gz) through CMS SignedData (ECDSA P-256, SHA-256) and
 * AuthEnvelopedData (AES-256-GCM, RSA-OAEP SHA-256 per recipient) into {@code <batchId>.p7m.part}, fsync, and
 * rename it to {@code <batchId>.p7m}.
 */
public final class Sealer {

    /**
     * Seals one batch.
     *
     * @return the sealed batch; its file exists and is fsynced
     * @throws SealException with a stable code when the batch cannot be sealed (no rows, a row that cannot be sent,
     *     an identifier found, a key or I/O problem); no file is left behind
     */
    public SealedBatch seal(SealRequest request) throws SealException {
        return new BatchSealing(request).run();
    }
}
