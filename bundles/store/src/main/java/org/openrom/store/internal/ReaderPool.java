package org.openrom.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openrom.store.StoreOpenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of read-only connections to one SQLite file, each with its own compiled statements. In WAL mode
 * readers do not block each other or the writer, so N clinicians' look-ups (the stored id, the earlier responses
 * for the change) run side by side instead of queueing behind one connection: under 50 concurrent submissions the
 * single reader was the store's bottleneck (most of the request time was spent waiting for its lock). A connection
 * serves one thread at a time. Thread-safe.
 */
final class ReaderPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderPool.class);

    /** What runs on a borrowed connection. */
    @FunctionalInterface
    interface Read<T> {
        T run(StatementCache statements) throws SQLException;
    }

    private record Reader(Connection connection, StatementCache statements) {}

    private final Path file;
    private final BlockingQueue<Reader> idle;
    private final List<Reader> all = new ArrayList<>();
    private volatile boolean closed;

    ReaderPool(Path file, int size) throws StoreOpenException {
        if (size < 1) {
            throw new IllegalArgumentException("a store needs at least one reader connection, not " + size);
        }
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection c = DatabaseFile.connect(file, DatabaseFile.Role.READER);
                Reader r = new Reader(c, new StatementCache(c));
                all.add(r);
                idle.add(r);
            }
        } catch (StoreOpenException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Runs {@code read} on an idle connection, waiting for one when all are busy.
     *
     * @throws IllegalStateException when the pool is closed
     */
    <T> T read(Read<T> read) throws SQLException {
        Reader r = borrow();
        try {
            return read.run(r.statements());
        } finally {
            idle.add(r);
        }
    }

    private Reader borrow() {
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the response store " + file + " is closed");
                }
                Reader r = idle.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    return r;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reader of " + file, e);
        }
    }

    /** Closes every connection once the reads in progress have returned theirs. */
    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < all.size(); i++) {
            Reader r;
            try {
                r = idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Interrupted while closing the readers of {}", file);
                return;
            }
            try {
                r.statements().close();
                r.connection().close();
            } catch (SQLException e) {
                LOG.warn("Closing a reader of {} failed", file, e);
            }
        }
    }
}
