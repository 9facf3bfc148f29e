package org.openrom.agent.seal.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzipped payload's temporary file: one gzip member whose deflate stream is the blocks {@link Payloads} deflated
 * on its workers (each ending in a sync flush), in order, then an empty final block. The gzip CRC-32 and length are
 * of the NDJSON; on their way to the file the gzip bytes are counted, hashed (SHA-256, for the manifest) and
 * CRC-32'd (for the STORED zip entry), so the file is read exactly once more, by the envelope.
 */
public final class PayloadFile implements AutoCloseable {

    /** RFC 1952 header: magic, deflate, no flags, no time, no extra flags, OS unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Path file;
    private final MessageDigest sha256;
    private final CRC32 crc = new CRC32();
    private final CRC32 ndjsonCrc = new CRC32();
    private long ndjsonBytes;
    private final Counting counting;
    private boolean finished;
    private String sha256Hex = "";

    public PayloadFile(Path file) throws IOException {
        this.file = file;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        this.counting = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        counting.write(HEADER, 0, HEADER.length);
    }

    /** Appends a block: its NDJSON (for the gzip CRC and length) and its deflated form, ending in a sync flush. */
    public void append(byte[] ndjson, int ndjsonLength, byte[] deflated, int deflatedLength) throws IOException {
        ndjsonCrc.update(ndjson, 0, ndjsonLength);
        ndjsonBytes += ndjsonLength;
        counting.write(deflated, 0, deflatedLength);
    }

    /** Ends the deflate stream and the gzip member and closes the file (once). */
    public void finish() throws IOException {
        if (!finished) {
            finished = true;
            Deflater last = new Deflater(Deflater.BEST_SPEED, true); // any level ends an empty input the same way
            try {
                last.finish(); // no input: just the final (empty) block
                byte[] end = new byte[16];
                int n = last.deflate(end);
                if (!last.finished()) {
                    throw new IllegalStateException("the final deflate block did not fit in " + end.length + " bytes");
                }
                counting.write(end, 0, n);
            } finally {
                last.end();
            }
            byte[] trailer = new byte[8];
            ByteBuffer.wrap(trailer).order(ByteOrder.LITTLE_ENDIAN).putInt((int) ndjsonCrc.getValue())
                    .putInt((int) ndjsonBytes);
            counting.write(trailer, 0, trailer.length);
            counting.close();
            sha256Hex = HexFormat.of().formatHex(sha256.digest());
        }
    }

    public Path path() {
        return file;
    }

    /** Bytes of gzip written so far. */
    public long bytes() {
        return counting.count;
    }

    /** Bytes of NDJSON appended so far. */
    public long ndjsonBytes() {
        return ndjsonBytes;
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
