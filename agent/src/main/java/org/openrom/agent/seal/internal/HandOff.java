package org.openrom.agent.seal.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Hands the NDJSON to a second thread in 1 MiB chunks, so that building resources (this thread) and scanning plus
 * gzip (the other) use both cores. At most {@link #CHUNKS} chunks exist, so memory stays bounded; a slow consumer
 * makes the producer wait. The first failure of the consumer (an identifier found, an I/O error) is thrown to the
 * producer at its next write or at {@link #close()}, unchanged. Not thread-safe on the producer side.
 */
final class HandOff extends OutputStream {

    static final int CHUNK = 1 << 20;
    static final int CHUNKS = 4;

    private record Chunk(byte[] bytes, int length) {}

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread consumer;
    private volatile @Nullable IOException failure;
    private byte[] current;
    private int position;
    private boolean closed;

    HandOff(OutputStream downstream) {
        for (int i = 0; i < CHUNKS - 1; i++) {
            free.add(new byte[CHUNK]);
        }
        current = new byte[CHUNK];
        consumer = new Thread(() -> drain(downstream), "seal-gzip");
        consumer.setDaemon(true);
        consumer.start();
    }

    private void drain(OutputStream downstream) {
        try {
            for (Chunk c; (c = full.take()) != END; ) {
                if (failure == null) {
                    try {
                        downstream.write(c.bytes(), 0, c.length());
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new IOException("payload stage failed", e);
                    }
                }
                free.put(c.bytes());
            }
            if (failure == null) {
                downstream.flush();
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("sealing interrupted");
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (position == CHUNK) {
            pass();
        }
        current[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (position == CHUNK) {
                pass();
            }
            int n = Math.min(len, CHUNK - position);
            System.arraycopy(b, off, current, position, n);
            position += n;
            off += n;
            len -= n;
        }
    }

    private void pass() throws IOException {
        rethrow();
        try {
            full.put(new Chunk(current, position));
            current = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sealing interrupted");
        }
        position = 0;
    }

    private void rethrow() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Passes the last chunk, waits for the consumer to finish, and throws its failure if it had one. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (position > 0) {
                pass();
            }
            full.put(END);
            consumer.join();
        } catch (InterruptedException e) {
            consumer.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sealing interrupted");
        }
        rethrow();
    }
}
