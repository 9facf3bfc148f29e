package org.openrom.store.internal;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * One caller's write waiting for the writer thread: its SQL, run inside its own savepoint of a shared
 * transaction, and the result the caller receives once that transaction has committed.
 *
 * @param <T> the result, e.g. a {@link org.openrom.api.store.SaveOutcome}
 */
final class PendingWrite<T> {

    /** The SQL of one write. Runs on the writer's statements inside a transaction it must not end. */
    @FunctionalInterface
    interface Work<T> {
        T run(StatementCache sql) throws SQLException;
    }

    private final String what;
    private final Work<T> work;
    private final CompletableFuture<T> done = new CompletableFuture<>();
    private @Nullable T tentative;

    /** @param what names the write in an error, e.g. {@code cannot save response qr-1} */
    PendingWrite(String what, Work<T> work) {
        this.what = requireNonNull(what, "what");
        this.work = requireNonNull(work, "work");
    }

    String what() {
        return what;
    }

    /** Writer thread: runs the SQL; the result is kept until the group commits. */
    void run(StatementCache sql) throws SQLException {
        tentative = work.run(sql);
    }

    /** Writer thread: the transaction holding this write has committed. */
    void committed() {
        done.complete(tentative);
    }

    /** Writer thread: this write is not stored. */
    void fail(RuntimeException e) {
        done.completeExceptionally(e);
    }

    boolean isDone() {
        return done.isDone();
    }

    /**
     * Waits for the commit or the failure, ignoring interrupts (the outcome follows within one commit, and a
     * caller that stopped waiting could not know whether its data is stored); the interrupt flag is restored.
     */
    T await() {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                r.addSuppressed(new Exception("waited for the store's writer here"));
                throw r;
            }
            throw e;
        }
    }
}
