package org.openrom.store.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread owns the writer connection and commits queued writes together. Each write runs in
 * its own {@code SAVEPOINT} inside one {@code BEGIN IMMEDIATE … COMMIT}, so a write that fails is rolled back
 * alone and reported to its caller while the others commit; every caller hears back only after the COMMIT that
 * holds its write has returned (WAL + {@code synchronous=FULL}: durable). A lone write commits as soon as the
 * writer is free; under load one fsync covers everything that queued during the previous one.
 *
 * <p>If SQLite abandons the whole transaction (disk full, I/O error), every write of the group fails: none of
 * them is stored.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private static final PendingWrite<Void> STOP = new PendingWrite<>("stop", c -> null);

    private final Path file;
    private final Connection connection;
    private final StatementCache statements;
    private final WriteOptions options;
    private final BlockingQueue<PendingWrite<?>> queue;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread thread;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private boolean closed; // guarded by lifecycle

    GroupCommitWriter(Path file, Connection connection, WriteOptions options) {
        this.file = requireNonNull(file, "file");
        this.connection = requireNonNull(connection, "connection");
        this.statements = new StatementCache(connection);
        this.options = requireNonNull(options, "options");
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::loop, "openrom-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the write and waits for its commit; see {@link #enqueue}. */
    <T> T write(PendingWrite<T> w) {
        enqueue(w);
        return w.await();
    }

    /**
     * Queues the write without waiting for it. Waits while the queue is full, at most the busy timeout.
     *
     * @throws IllegalStateException when the store is closed
     * @throws UncheckedIOException when the queue stays full
     */
    void enqueue(PendingWrite<?> w) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the response store " + file + " is closed");
            }
            if (!queue.offer(w, DatabaseFile.BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new UncheckedIOException(w.what() + " in " + file + ": the write queue stayed full ("
                        + options.queueCapacity() + " waiting) for " + DatabaseFile.BUSY_TIMEOUT_MILLIS + " ms",
                        new IOException("write queue full"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(w.what() + ": interrupted while waiting for room in the write queue", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Groups committed (or failed) so far, and the writes in them: for tests and the harness. */
    long groups() {
        return groups.get();
    }

    long writes() {
        return writes.get();
    }

    /** Writes waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    /** Refuses new writes, commits every queued one, stops the thread. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            queue.put(STOP);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the writer of " + file + " drained its queue", e);
        }
    }

    private void loop() {
        List<PendingWrite<?>> group = new ArrayList<>(options.maxGroupSize());
        boolean stopping = false;
        while (!stopping) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                LOG.warn("The writer of {} was interrupted; it keeps running until the store closes", file);
                continue;
            }
            queue.drainTo(group, options.maxGroupSize() - 1);
            awaitCompany(group);
            stopping = group.remove(STOP);
            if (!group.isEmpty()) {
                commitOrFail(group);
            }
        }
        // Writes queued after STOP cannot exist: close() refuses new ones before queueing STOP.
        try {
            statements.close();
        } catch (SQLException e) {
            LOG.warn("Closing the writer's statements on {} failed", file, e);
        }
        LOG.debug("The writer of {} stopped after {} writes in {} groups", file, writes.get(), groups.get());
    }

    /** Under load only: a lone write never waits for company. An interrupt ends the wait, never the group. */
    private void awaitCompany(List<PendingWrite<?>> group) {
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(options.maxGroupWaitMicros());
        while (group.size() > 1 && group.size() < options.maxGroupSize() && !group.contains(STOP)) {
            long left = deadline - System.nanoTime();
            PendingWrite<?> next;
            try {
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                return;
            }
            group.add(next);
        }
    }

    /** Even an Error (out of memory) must not leave callers waiting for ever. */
    private void commitOrFail(List<PendingWrite<?>> group) {
        try {
            commit(group);
        } catch (Error e) {
            LOG.error("The writer of {} failed on a group of {} writes", file, group.size(), e);
            Pragmas.rollbackQuietly(connection, e);
            for (PendingWrite<?> w : group) {
                if (!w.isDone()) {
                    w.fail(new IllegalStateException(w.what() + " in " + file + ": the writer failed: " + e, e));
                }
            }
        }
    }

    private void commit(List<PendingWrite<?>> group) {
        groups.incrementAndGet();
        writes.addAndGet(group.size());
        List<PendingWrite<?>> stored = new ArrayList<>(group.size());
        try {
            Pragmas.exec(connection, "BEGIN IMMEDIATE");
            try {
                for (PendingWrite<?> w : group) {
                    if (runInSavepoint(w)) {
                        stored.add(w);
                    }
                }
                delayForTests();
                Pragmas.exec(connection, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                Pragmas.rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            failAllOpen(group, e);
            return;
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while committing {} writes to {}", group.size(), file, e);
            failAllOpen(group, new SQLException(e.toString(), e));
            return;
        }
        for (PendingWrite<?> w : stored) {
            w.committed();
        }
    }

    /**
     * @return true when the write's SQL succeeded; false when it failed, was rolled back alone and its caller
     *     told why
     * @throws SQLException when even the savepoint could not be undone: the whole group must fail
     */
    private boolean runInSavepoint(PendingWrite<?> w) throws SQLException {
        statements.exec("SAVEPOINT write");
        try {
            w.run(statements);
            statements.exec("RELEASE write");
            return true;
        } catch (SQLException | RuntimeException e) {
            try {
                statements.exec("ROLLBACK TO write");
                statements.exec("RELEASE write");
            } catch (SQLException undo) {
                // SQLite ended the transaction itself (disk full, I/O error): nothing of this group survives.
                undo.addSuppressed(e);
                throw undo;
            }
            w.fail(e instanceof SQLException s ? failure(w, s) : (RuntimeException) e);
            return false;
        }
    }

    private void failAllOpen(List<PendingWrite<?>> group, SQLException e) {
        LOG.warn("A group of {} writes to {} failed and none of it is stored: {}", group.size(), file,
                DatabaseFile.sqliteMessage(e));
        for (PendingWrite<?> w : group) {
            if (!w.isDone()) {
                w.fail(failure(w, e));
            }
        }
    }

    private UncheckedIOException failure(PendingWrite<?> w, SQLException e) {
        return new UncheckedIOException(w.what() + " in " + file + ": " + DatabaseFile.sqliteMessage(e),
                new IOException(e));
    }

    private void delayForTests() {
        if (options.testCommitDelayMillis() > 0) {
            try {
                Thread.sleep(options.testCommitDelayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
