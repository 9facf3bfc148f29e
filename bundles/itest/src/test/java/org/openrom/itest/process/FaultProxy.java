package org.openrom.itest.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that injects one fault per connection, in the order given, then passes everything
 * through (or, after {@link #otherwise(Fault)}, applies that fault to every later connection). It sees only TLS bytes,
 * so its faults are what a network does: a reset before anything is sent, a reply dropped after the request reached
 * the server, a reply cut off halfway, a stall, a reply held back for a while.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault {
        /** Close the client's connection at once (the upload never reaches the server). */
        RESET,
        /** Forward the request, let the server answer, but never pass the answer on: the batch is stored, no receipt arrives. */
        DROP_REPLY,
        /** Pass on only the first bytes of the server's answer, then close. */
        TRUNCATE_REPLY,
        /** Hold the connection open and pass nothing, until the client gives up. */
        STALL,
        /**
         * Forward the request; every answer byte that arrives once the client has sent more than {@link #REQUEST_BYTES}
         * (a request body, not just the TLS handshake) is passed on {@link #holdReplies(long)} ms after it arrived: the
         * server has finished (a batch is stored), its answer is late, and a client killed meanwhile never reads it.
         * A busy server's TLS 1.3 session ticket can arrive after the request began and is delayed alike, so the first
         * bytes held need not be the answer: ask the server itself whether it has finished.
         */
        HOLD_REPLY,
        PASS
    }

    /** Client bytes after which a connection counts as an upload (a TLS 1.3 handshake with a client certificate: ~3 KiB). */
    static final long REQUEST_BYTES = 16 * 1024;

    private final ServerSocket server;
    private final int upstream;
    private final List<Fault> faults;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Integer> uploads = new CopyOnWriteArrayList<>();
    private final List<Integer> heldReplies = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile Fault otherwise = Fault.PASS;
    private volatile long holdMillis = 2000;

    FaultProxy(int upstream, List<Fault> faults) throws IOException {
        this.upstream = upstream;
        this.faults = List.copyOf(faults);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** The fault for every connection after the list given at construction ({@link Fault#PASS} unless set). */
    void otherwise(Fault fault) {
        this.otherwise = fault;
    }

    /** How long {@link Fault#HOLD_REPLY} holds an answer (2,000 ms unless set). */
    void holdReplies(long millis) {
        this.holdMillis = millis;
    }

    /**
     * Connections numbered {@code first} or later (take {@link #connections()} before) whose client has sent more than
     * {@link #REQUEST_BYTES}.
     */
    long uploadsSince(int first) {
        return uploads.stream().filter(n -> n >= first).count();
    }

    /** Connections numbered {@code first} or later on which {@link Fault#HOLD_REPLY} has begun to hold server bytes. */
    long heldRepliesSince(int first) {
        return heldReplies.stream().filter(n -> n >= first).count();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                int n = connections.getAndIncrement();
                Fault fault = n < faults.size() ? faults.get(n) : otherwise;
                log.add(n + ":" + fault);
                Thread t = new Thread(() -> handle(client, fault, n), "fault-proxy-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Fault fault, int n) {
        try (client) {
            if (fault == Fault.RESET) {
                client.setSoLinger(true, 0);
                return;
            }
            if (fault == Fault.STALL) {
                client.getInputStream().readAllBytes();
                return;
            }
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
                AtomicLong sent = new AtomicLong();
                Thread up = pump(client.getInputStream(), server.getOutputStream(), server, sent, n);
                long limit = fault == Fault.DROP_REPLY ? 0 : fault == Fault.TRUNCATE_REPLY ? 2048 : -1;
                if (fault == Fault.HOLD_REPLY) {
                    copyHolding(server.getInputStream(), client.getOutputStream(), sent, n);
                } else {
                    copy(server.getInputStream(), client.getOutputStream(), limit);
                }
                if (fault != Fault.PASS && fault != Fault.HOLD_REPLY) {
                    // The server has answered (its first bytes arrived): cut the client off with a reset.
                    client.setSoLinger(true, 0);
                }
                up.join(1000);
            }
        } catch (IOException | InterruptedException e) {
            // a fault of our own making, or the client gave up: either way, the connection ends here
        }
    }

    private Thread pump(InputStream in, OutputStream out, Socket closeWhenDone, AtomicLong sent, int connection) {
        Thread t = new Thread(() -> {
            try {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (sent.get() <= REQUEST_BYTES && sent.addAndGet(n) > REQUEST_BYTES) {
                        uploads.add(connection);
                    }
                }
                closeWhenDone.shutdownOutput();
            } catch (IOException e) {
                // the other side closed
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * A delay line: the server's bytes are passed on in order, each chunk that arrives once the client has sent more
     * than {@link #REQUEST_BYTES} only {@code holdMillis} after it arrived.
     */
    private void copyHolding(InputStream in, OutputStream out, AtomicLong sent, int connection) throws IOException {
        BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        Thread writer = new Thread(() -> {
            try {
                for (Chunk c = line.take(); c.bytes().length > 0; c = line.take()) {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, c.releaseAt() - System.nanoTime()));
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client is gone (killed, say): what the server still sends is read and dropped
            }
        }, "fault-proxy-hold-" + connection);
        writer.setDaemon(true);
        writer.start();
        byte[] buffer = new byte[8192];
        boolean held = false;
        for (int n; (n = in.read(buffer)) > 0; ) {
            long delay = sent.get() > REQUEST_BYTES ? TimeUnit.MILLISECONDS.toNanos(holdMillis) : 0;
            if (delay > 0 && !held) {
                held = true;
                heldReplies.add(connection);
                log.add(connection + ":HOLD_REPLY held " + holdMillis + " ms");
            }
            line.add(new Chunk(System.nanoTime() + delay, Arrays.copyOf(buffer, n)));
        }
        line.add(new Chunk(0, new byte[0]));
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Chunk(long releaseAt, byte[] bytes) {}

    /** Copies until end of stream, or until {@code limit} bytes (when limit ≥ 0), then stops passing bytes. */
    private static void copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long passed = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (limit >= 0) {
                int allowed = (int) Math.max(0, Math.min(n, limit - passed));
                if (allowed > 0) {
                    out.write(buffer, 0, allowed);
                    out.flush();
                }
                passed += allowed;
                if (passed >= limit) {
                    return;
                }
                continue;
            }
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
