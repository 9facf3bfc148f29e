package org.openrom.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.openrom.store.StoreOpenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed pages from the WAL into the database file on its own thread and connection, every
 * {@code intervalMillis}, with a PASSIVE checkpoint (it never waits for, nor blocks, readers or the writer). The writer
 * runs with {@code wal_autocheckpoint = 0}: otherwise SQLite checkpoints inside whichever commit crosses 1,000 WAL
 * pages, and that commit (with its whole commit group) waits for the copy and two more fsyncs, the slowest
 * submissions of a busy site. Durability does not depend on checkpoints: a commit is durable once the WAL is synced.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Path file;
    private final Connection connection;
    private final Thread thread;
    private final long intervalMillis;
    private final AtomicLong runs = new AtomicLong();
    private volatile boolean stopping;

    Checkpointer(Path file, long intervalMillis) throws StoreOpenException {
        this.file = file;
        this.intervalMillis = intervalMillis;
        this.connection = DatabaseFile.connect(file, DatabaseFile.Role.WRITER);
        this.thread = new Thread(this::loop, "openrom-store-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopping) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            checkpoint();
        }
    }

    /** One PASSIVE checkpoint; a failure is logged (the next one tries again) and never reaches a caller. */
    private synchronized void checkpoint() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            runs.incrementAndGet();
            if (rs.next() && LOG.isDebugEnabled()) {
                LOG.debug("checkpoint of {}: {} of {} WAL frames in the database", file, rs.getInt(3), rs.getInt(2));
            }
        } catch (SQLException e) {
            LOG.warn("checkpoint of {} failed: {}", file, DatabaseFile.sqliteMessage(e));
        }
    }

    /** Checkpoints run so far. */
    long runs() {
        return runs.get();
    }

    /** Stops the thread, runs a last checkpoint and closes the connection. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the checkpoint connection to {} failed", file, e);
        }
    }
}
