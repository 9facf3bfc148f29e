package org.openrom.agent.seal.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.openrom.agent.seal.internal.IdentifierSet.Kind;

/**
 * Scans the NDJSON payload as it is written, before it reaches gzip. The payload is cut into tokens (maximal runs
 * of ASCII letters and digits and non-ASCII bytes, lower-cased); every window of 1–4 consecutive tokens joined by
 * single "light" separators (space, {@code - / . '}) is hashed and looked up in the {@link IdentifierSet}. So
 * {@code 943 476 5919}, {@code 2010-05-03}, {@code 03/05/2010} and {@code LS1 4AB} are found as well as their
 * compact forms, and names match whole words only. One hit throws {@link Found}, naming the kind and the line;
 * the matching text is never kept. Cost: a table lookup per token window, no allocation per byte.
 */
public final class IdentifierScan extends FilterOutputStream {

    /** Thrown on the first identifier found. The message names the kind and line only. */
    public static final class Found extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Kind kind;
        private final long line;

        Found(Kind kind, long line) {
            super("the payload contains a " + kind.label() + " the site holds, on line " + line);
            this.kind = kind;
            this.line = line;
        }

        public Kind kind() {
            return kind;
        }

        public long line() {
            return line;
        }
    }

    private static final boolean[] TOKEN = new boolean[256];
    private static final boolean[] LIGHT = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            TOKEN[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        }
        for (char c : new char[] {' ', '-', '/', '.', '\''}) {
            LIGHT[c] = true;
        }
    }

    private final IdentifierSet identifiers;
    // The last tokens joined to the next one by single light separators, in a ring of 4 (slot = index & 3).
    private final long[] chainHash = new long[4];
    private final long[] chainPow = new long[4];
    private final int[] chainLen = new int[4];
    private int chain; // how many of them (at most MAX_TOKENS - 1)
    private int head; // slot of the next token
    private boolean lightPending; // exactly one light separator since the last token
    private int separators;
    private long hash;
    private long pow = 1;
    private int len;
    private long line = 1;
    private long windows;

    public IdentifierScan(OutputStream out, IdentifierSet identifiers) {
        super(out);
        this.identifiers = identifiers;
    }

    static boolean isTokenByte(int c) {
        return TOKEN[c];
    }

    static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Newline-terminated lines seen so far. */
    public long lines() {
        return line - 1;
    }

    /** Windows looked up so far. */
    public long windows() {
        return windows;
    }

    @Override
    public void write(int b) throws IOException {
        scan(b & 0xFF);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int length) throws IOException {
        for (int i = off, end = off + length; i < end; i++) {
            scan(b[i] & 0xFF);
        }
        out.write(b, off, length);
    }

    private void scan(int c) throws Found {
        if (TOKEN[c]) {
            if (len == 0 && !(separators == 1 && lightPending)) {
                chain = 0;
            }
            hash = hash * IdentifierSet.P + lower(c);
            pow *= IdentifierSet.P;
            len++;
            return;
        }
        if (len > 0) {
            endToken();
            separators = 0;
        }
        separators++;
        lightPending = LIGHT[c];
        if (c == '\n') {
            line++;
            chain = 0;
        }
    }

    private void endToken() throws Found {
        long h = hash;
        long p = pow;
        int l = len;
        check(h, l);
        for (int j = 1; j <= chain && l <= IdentifierSet.MAX_LENGTH; j++) {
            int slot = (head - j) & 3;
            h = chainHash[slot] * p + h;
            p *= chainPow[slot];
            l += chainLen[slot];
            check(h, l);
        }
        push(hash, pow, len);
        hash = 0;
        pow = 1;
        len = 0;
    }

    private void check(long h, int l) throws Found {
        if (identifiers.hasLength(l)) {
            windows++;
            Kind k = identifiers.find(h);
            if (k != Kind.NONE) {
                throw new Found(k, line);
            }
        }
    }

    private void push(long h, long p, int l) {
        chainHash[head] = h;
        chainPow[head] = p;
        chainLen[head] = l;
        head = (head + 1) & 3;
        if (chain < IdentifierSet.MAX_TOKENS - 1) {
            chain++;
        }
    }

    /** Ends the last token (a payload always ends with a newline, so this only matters for tests). */
    public void finish() throws IOException {
        if (len > 0) {
            endToken();
        }
        flush();
    }
}
