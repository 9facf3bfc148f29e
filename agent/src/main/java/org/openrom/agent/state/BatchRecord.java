package org.openrom.agent.state;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.schedule.Quarter;

/**
 * One row of the agent's batch table. The outbox range is {@code (fromSeq, toSeq]}: the site outbox rows this
 * batch carries. A batch's id, sequence, quarter, range and {@code created} time are fixed when the intent is
 * recorded, so a seal redone after a crash builds the same contents.
 */
public record BatchRecord(
        String batchId,
        long sequence,
        Quarter quarter,
        long fromSeq,
        long toSeq,
        Instant created,
        Path file,
        BatchState state,
        long bytes,
        @Nullable String sha256,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant lastAttempt,
        @Nullable Instant sealedAt,
        @Nullable Instant acknowledgedAt,
        byte @Nullable [] receipt,
        @Nullable String receiptJson) {}
