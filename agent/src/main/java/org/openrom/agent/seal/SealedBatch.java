package org.openrom.agent.seal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A sealed batch on disk. The file is final: a resend sends exactly these bytes.
 *
 * @param batchId the batch id
 * @param file {@code <outputDir>/<batchId>.p7m}, fsynced
 * @param bytes size of the file
 * @param sha256 hex SHA-256 of the file (the PUT body; the receipt's {@code bodySha256})
 * @param payloadSha256 hex SHA-256 of {@code payload.ndjson.gz} (the manifest's {@code payload.sha256})
 * @param manifestJson the manifest exactly as sealed (UTF-8 JSON)
 * @param counts resources per type
 * @param rows outbox rows (responses) in the batch
 * @param firstSeq smallest outbox seq in the batch
 * @param lastSeq largest outbox seq in the batch: the caller's next {@code afterSeq}
 */
public record SealedBatch(
        UUID batchId,
        Path file,
        long bytes,
        String sha256,
        String payloadSha256,
        String manifestJson,
        BatchCounts counts,
        long rows,
        long firstSeq,
        long lastSeq) {

    public SealedBatch {
        requireNonNull(batchId, "batchId");
        requireNonNull(file, "file");
        requireNonNull(sha256, "sha256");
        requireNonNull(payloadSha256, "payloadSha256");
        requireNonNull(manifestJson, "manifestJson");
        requireNonNull(counts, "counts");
    }
}
