package org.openrom.itest.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
         * Forward the request; once the client has sent more than {@link #REQUEST_BYTES} (a request body, not just the
         * TLS handshake), hold the server's first answer bytes for {@link #holdReplies(long)} ms before passing them
         * on: the server has finished (a batch is stored), the answer is late. A client killed meanwhile never reads it.
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

    /** Answers on connections numbered {@code first} or later that {@link Fault#HOLD_REPLY} has begun to hold. */
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

    /** Passes the server's bytes on, holding the first ones that arrive after the client's request for holdMillis. */
    private void copyHolding(InputStream in, OutputStream out, AtomicLong sent, int connection) throws IOException {
        byte[] buffer = new byte[8192];
        boolean held = false;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (!held && sent.get() > REQUEST_BYTES) {
                held = true;
                long millis = holdMillis;
                heldReplies.add(connection);
                log.add(connection + ":HOLD_REPLY held " + millis + " ms");
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.write(buffer, 0, n);
            out.flush();
        }
    }

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
