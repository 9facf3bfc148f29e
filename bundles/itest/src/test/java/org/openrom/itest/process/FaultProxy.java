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

/**
 * A TCP proxy on loopback that injects one fault per connection, in the order given, then passes everything
 * through. It sees only TLS bytes, so its faults are what a network does: a reset before anything is sent, a reply
 * dropped after the request reached the server, a reply cut off halfway, a stall.
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
        PASS
    }

    private final ServerSocket server;
    private final int upstream;
    private final List<Fault> faults;
    private final AtomicInteger connections = new AtomicInteger();
    final List<String> log = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

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

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                int n = connections.getAndIncrement();
                Fault fault = n < faults.size() ? faults.get(n) : Fault.PASS;
                log.add(n + ":" + fault);
                Thread t = new Thread(() -> handle(client, fault), "fault-proxy-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Fault fault) {
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
                Thread up = pump(client.getInputStream(), server.getOutputStream(), -1, server);
                long limit = fault == Fault.DROP_REPLY ? 0 : fault == Fault.TRUNCATE_REPLY ? 2048 : -1;
                copy(server.getInputStream(), client.getOutputStream(), limit);
                if (fault != Fault.PASS) {
                    // The server has answered (its first bytes arrived): cut the client off with a reset.
                    client.setSoLinger(true, 0);
                }
                up.join(1000);
            }
        } catch (IOException | InterruptedException e) {
            // a fault of our own making, or the client gave up: either way, the connection ends here
        }
    }

    private static Thread pump(InputStream in, OutputStream out, long limit, Socket closeWhenDone) {
        Thread t = new Thread(() -> {
            try {
                copy(in, out, limit);
                closeWhenDone.shutdownOutput();
            } catch (IOException e) {
                // the other side closed
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
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
