package org.openrom.agent.seal.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * The gzipped payload's temporary file. What is written to {@link #ndjson()} is gzipped (the level is
 * configurable) and, on its way to the file, counted, hashed (SHA-256, for the manifest) and CRC-32'd (for the
 * STORED zip entry), so the file is read exactly once more, by the envelope.
 */
public final class PayloadFile implements AutoCloseable {

    private final Path file;
    private final MessageDigest sha256;
    private final CRC32 crc = new CRC32();
    private final Counting counting;
    private final GZIPOutputStream gzip;
    private boolean finished;
    private String sha256Hex = "";

    public PayloadFile(Path file, int level) throws IOException {
        this.file = file;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        this.counting = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        this.gzip = new GZIPOutputStream(counting, 1 << 16) {
            {
                def.setLevel(level);
            }
        };
    }

    /** Where the NDJSON goes (not to be closed by the caller). */
    public OutputStream ndjson() {
        return new FilterOutputStream(gzip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                gzip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Ends the gzip stream and closes the file (once). */
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            gzip.close();
            sha256Hex = HexFormat.of().formatHex(sha256.digest());
        }
    }

    public Path path() {
        return file;
    }

    public long bytes() {
        return counting.count;
    }

    public long crc32() {
        return crc.getValue();
    }

    /** Hex SHA-256 of the gzip bytes; valid after {@link #finish()}. */
    public String sha256() {
        return sha256Hex;
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            sha256.update((byte) b);
            crc.update(b);
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha256.update(b, off, len);
            crc.update(b, off, len);
            count += len;
            out.write(b, off, len);
        }
    }
}
