package org.openrom.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.deliver.Delivery;
import org.openrom.agent.keys.SiteIdentity;
import org.openrom.agent.schedule.Quarter;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealRequest;
import org.openrom.agent.seal.SealedBatch;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.state.AgentState;
import org.openrom.agent.state.BatchRecord;
import org.openrom.agent.state.BatchState;

/**
 * One agent pass: finish an interrupted seal (same batch id, sequence, rows and {@code created} time), seal every
 * due quarter oldest first, deliver what is undelivered, purge what is past retention. Used by {@code run} on each
 * wake and by {@code submit-now}.
 */
public final class Agent {
    /** Seals one batch (the real one is {@code new Sealer()::seal}). */
    @FunctionalInterface
    public interface BatchSealer {
        SealedBatch seal(SealRequest request) throws SealException;
    }

    private final AgentConfig config;
    private final AgentState state;
    private final BatchSealer sealer;
    private final Clock clock;
    private final Consumer<String> progress;

    public Agent(AgentConfig config, AgentState state, BatchSealer sealer, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.state = state;
        this.sealer = sealer;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Seals these quarters, oldest first, after finishing an interrupted seal.
     *
     * @return false when a seal failed (the intent stays and is redone next time; later quarters wait)
     */
    public boolean seal(SiteIdentity id, List<Quarter> quarters) throws SQLException, IOException {
        if (!finishInterruptedSeal(id)) {
            return false;
        }
        for (Quarter q : quarters) {
            if (state.byQuarter(q).isPresent() || state.wasEmpty(q)) {
                continue;
            }
            progress.accept("sealing " + q.id() + " (" + q.start() + " to " + q.end() + ")");
            if (!seal(id, state.recordIntent(q, config.batchDir()))) {
                return false;
            }
        }
        return true;
    }

    /** Redoes a seal a crash interrupted. @return false if it failed again */
    boolean finishInterruptedSeal(SiteIdentity id) throws SQLException, IOException {
        for (BatchRecord intent : state.inState(BatchState.SEALING)) {
            progress.accept("finishing the interrupted seal of batch " + intent.sequence() + " (" + intent.quarter().id() + ")");
            if (!seal(id, intent)) {
                return false;
            }
        }
        return true;
    }

    private boolean seal(SiteIdentity id, BatchRecord intent) throws SQLException, IOException {
        // A file left by the interrupted run was never sent (only SEALED batches are sent): build it again.
        Files.deleteIfExists(intent.file());
        Files.deleteIfExists(intent.file().resolveSibling(intent.file().getFileName() + ".part"));
        Files.createDirectories(config.batchDir());
        Quarter q = intent.quarter();
        try {
            SealedBatch sealed = sealer.seal(SealRequest.builder()
                    .siteId(config.siteId())
                    .batchId(UUID.fromString(intent.batchId()))
                    .sequence(intent.sequence())
                    .selection(new Selection(config.siteDatabase(), intent.fromSeq(),
                            new org.openrom.agent.seal.Quarter(q.id(), q.start(), q.end()), config.schedule().zone()))
                    .linkKey(id.linkKey())
                    .signer(id.key(), id.certificate())
                    .recipients(id.collator().collators())
                    .outputDir(config.batchDir())
                    .created(intent.created())
                    .progress(new ProgressLines(progress))
                    .build());
            if (!sealed.file().toAbsolutePath().equals(intent.file().toAbsolutePath())) {
                throw new IllegalStateException("sealer wrote " + sealed.file() + ", expected " + intent.file());
            }
            state.markSealed(intent.batchId(), sealed.bytes(), sealed.sha256(), Math.max(sealed.lastSeq(), intent.fromSeq()));
            progress.accept("sealed batch " + intent.sequence() + " (" + q.id() + "): " + sealed.rows() + " responses, "
                    + sealed.counts().lines() + " resources, " + sealed.bytes() + " bytes");
            return true;
        } catch (SealException e) {
            if (e.error() == SealError.EMPTY) {
                state.markEmpty(intent.batchId());
                progress.accept(q.id() + ": nothing to send");
                return true;
            }
            state.noteSealFailure(intent.batchId(), e.getMessage());
            progress.accept("sealing " + q.id() + " stopped: " + e.getMessage());
            return false;
        }
    }

    /**
     * Delivers undelivered batches in sequence order. STOPPED batches are retried only when {@code retryStopped}
     * (an admin's {@code submit-now}); {@code run} leaves them for the admin.
     *
     * @return the number of batches still undelivered
     */
    public int deliver(Delivery delivery, boolean retryStopped) throws SQLException, InterruptedException {
        List<BatchRecord> pending = retryStopped
                ? state.inState(BatchState.SEALED, BatchState.SENDING, BatchState.STOPPED)
                : state.inState(BatchState.SEALED, BatchState.SENDING);
        int left = 0;
        for (BatchRecord b : pending) {
            if (delivery.deliver(b) != BatchState.ACKNOWLEDGED) {
                left++;
            }
        }
        return left;
    }

    /** Deletes the files of batches acknowledged more than the retention period ago; the receipts stay. */
    public int purge() throws SQLException, IOException {
        int n = 0;
        for (BatchRecord b : state.acknowledgedBefore(clock.instant().minus(java.time.Duration.ofDays(config.retentionDays())))) {
            Files.deleteIfExists(b.file());
            state.markPurged(b.batchId());
            n++;
        }
        if (n > 0) {
            progress.accept("purged " + n + " batch file(s) older than " + config.retentionDays() + " days after receipt");
        }
        return n;
    }

    /** Sealing progress as one line per phase, with its final count. */
    private static final class ProgressLines implements org.openrom.agent.seal.SealProgress {
        private final Consumer<String> out;
        private @Nullable String stage;
        private long done;
        private long total;

        ProgressLines(Consumer<String> out) {
            this.out = out;
        }

        @Override
        public void progress(String stage, long done, long total) {
            if (this.stage != null && !this.stage.equals(stage)) {
                out.accept("  " + this.stage + ": " + this.done + (this.total >= 0 ? " of " + this.total : ""));
            }
            this.stage = stage;
            this.done = done;
            this.total = total;
        }
    }
}
