package org.openrom.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for the load harness: one kept-alive connection, one request at a time, Content-Length
 * or chunked replies. The load generator runs on the same two cores as the server, and the JDK's HttpClient spends
 * about 0.8 ms of CPU per request (measured with {@code ps} during a run), which the server then does not get; this
 * client spends a small fraction of that, so the figures describe the server rather than the generator. Not
 * thread-safe: one per simulated clinician.
 */
final class KeepAliveClient implements AutoCloseable {
    /** A reply: status and body. */
    record Reply(int status, String body) {}

    private final URI uri;
    private final String head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveClient(URI uri, String authorization, String contentType) {
        this.uri = uri;
        this.head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: " + authorization + "\r\nContent-Type: " + contentType + "\r\nContent-Length: ";
    }

    Reply post(String body) throws IOException {
        if (socket == null) {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write((head + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 reply: " + status);
        }
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = line()).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        if (chunked) {
            for (int size; (size = Integer.parseInt(line().split(";", 2)[0].strip(), 16)) > 0; ) {
                reply.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            reply.write(in.readNBytes((int) length));
        } else {
            reply.write(in.readAllBytes());
            close = true;
        }
        if (close) {
            close();
        }
        return new Reply(Integer.parseInt(status.substring(9, 12)), reply.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
