package org.openrom.agent.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.openrom.agent.state.AgentState;
import org.openrom.agent.state.BatchRecord;
import org.openrom.agent.state.BatchState;

/**
 * Delivers sealed batches: PUT, and on a failure a retry can fix, wait (exponential back-off, full jitter) and
 * resend the same file, until a verified receipt, a refusal, or the run's attempt limit. Every attempt is recorded
 * in the agent's state before the next one starts, so a killed agent resumes with the same batch and file.
 */
public final class Delivery {
    /** Waits; tests pass one that records the waits and advances a clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final AgentState state;
    private final Uploader uploader;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Consumer<String> progress;

    public Delivery(AgentState state, Uploader uploader, RetryPolicy policy, Sleeper sleeper, RandomGenerator random,
            Consumer<String> progress) {
        this.state = state;
        this.uploader = uploader;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.progress = progress;
    }

    /** Delivers one batch; returns the state it ends in (ACKNOWLEDGED, STOPPED, or SENDING when attempts ran out). */
    public BatchState deliver(BatchRecord batch) throws SQLException, InterruptedException {
        String id = batch.batchId();
        String sha = batch.sha256();
        if (sha == null) {
            throw new IllegalStateException("batch " + id + " is not sealed");
        }
        String problem = checkFile(batch, sha);
        if (problem != null) {
            state.markStopped(id, DeliveryError.BATCH_FILE.code() + " " + problem);
            progress.accept("batch " + batch.sequence() + ": " + problem);
            return BatchState.STOPPED;
        }
        for (int attempt = 1; ; attempt++) {
            progress.accept("batch " + batch.sequence() + " (" + batch.quarter().id() + "): sending " + batch.bytes()
                    + " bytes, attempt " + attempt);
            Attempt result = uploader.put(id, batch.file(), batch.bytes(), sha);
            if (result instanceof Attempt.Acknowledged ack) {
                state.markAcknowledged(id, ack.receipt(), ack.json());
                progress.accept("batch " + batch.sequence() + ": receipt verified (HTTP " + ack.status() + ")");
                return BatchState.ACKNOWLEDGED;
            }
            if (result instanceof Attempt.Stop stop) {
                state.markStopped(id, stop.code().code() + " " + stop.error());
                progress.accept("batch " + batch.sequence() + ": stopped: " + stop.code().code() + " " + stop.error());
                return BatchState.STOPPED;
            }
            Attempt.Retry retry = (Attempt.Retry) result;
            state.recordFailedAttempt(id, DeliveryError.TRANSIENT.code() + " " + retry.error());
            if (attempt >= policy.maxAttempts()) {
                progress.accept("batch " + batch.sequence() + ": " + retry.error() + "; giving up for this run after "
                        + attempt + " attempts");
                return BatchState.SENDING;
            }
            Duration wait = waitAfter(attempt, retry.retryAfter());
            progress.accept("batch " + batch.sequence() + ": " + retry.error() + "; retrying in " + wait.toMillis() + " ms");
            sleeper.sleep(wait);
        }
    }

    /** Full jitter, but never sooner than the collator's Retry-After (capped at the policy's maximum). */
    Duration waitAfter(int failures, java.time.@org.jspecify.annotations.Nullable Duration retryAfter) {
        Duration jitter = policy.delay(failures, random);
        if (retryAfter != null && retryAfter.compareTo(jitter) > 0) {
            return retryAfter.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : retryAfter;
        }
        return jitter;
    }

    private static @org.jspecify.annotations.Nullable String checkFile(BatchRecord batch, String sha) {
        if (!Files.isRegularFile(batch.file())) {
            return "sealed file missing: " + batch.file();
        }
        try (InputStream in = Files.newInputStream(batch.file())) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            String actual = HexFormat.of().formatHex(md.digest());
            return actual.equals(sha) ? null : "sealed file " + batch.file() + " has changed (SHA-256 " + actual
                    + ", sealed as " + sha + ")";
        } catch (IOException e) {
            return "cannot read sealed file " + batch.file() + ": " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
