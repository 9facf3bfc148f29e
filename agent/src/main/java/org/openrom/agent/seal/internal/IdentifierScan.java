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

    /** Per byte: its lower-cased value when it belongs to a token, else 0 (no token byte is 0). */
    private static final int[] TOKEN = new int[256];
    private static final boolean[] LIGHT = new boolean[256];
    private static final int NOT_FOUND_SLOTS = 1 << 12;
    /** P to the power i, for window lengths up to {@link IdentifierSet#MAX_LENGTH}. */
    private static final long[] POW = new long[IdentifierSet.MAX_LENGTH + 1];

    static {
        for (int c = 0; c < 256; c++) {
            boolean token = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
            TOKEN[c] = token ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : 0;
        }
        for (char c : new char[] {' ', '-', '/', '.', '\''}) {
            LIGHT[c] = true;
        }
        POW[0] = 1;
        for (int i = 1; i < POW.length; i++) {
            POW[i] = POW[i - 1] * IdentifierSet.P;
        }
    }

    private final IdentifierSet identifiers;
    /**
     * Keys of windows already looked up and not found, one per slot (a key is never 0, so an empty slot matches
     * nothing). The payload's windows repeat (field names, URLs, codes, small numbers), so most lookups end in this
     * table, which stays in the CPU's cache, instead of in the set's filter, which at 100,000 young people does not.
     * It only remembers answers of {@link IdentifierSet#findKey}, and the set does not change during a scan, so
     * what is found is exactly what a lookup of every window finds.
     */
    private final long[] notFound = new long[NOT_FOUND_SLOTS];
    // The last tokens joined to the next one by single light separators, in a ring of 4 (slot = index & 3).
    private final long[] chainHash = new long[4];
    private final int[] chainLen = new int[4];
    private int chain; // how many of them (at most MAX_TOKENS - 1)
    private int head; // slot of the next token
    // The scanner's state between writes; within a write it lives in locals (this loop runs for every byte).
    private boolean lightPending; // the last separator byte was a light one
    private int separators; // separator bytes since the last token
    private long hash;
    private int len;
    private long line = 1;
    private long windows;

    public IdentifierScan(OutputStream out, IdentifierSet identifiers) {
        super(out);
        this.identifiers = identifiers;
    }

    static boolean isTokenByte(int c) {
        return TOKEN[c] != 0;
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
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int length) throws IOException {
        long h = hash;
        int l = len;
        int seps = separators;
        boolean light = lightPending;
        for (int i = off, end = off + length; i < end; i++) {
            int c = b[i] & 0xFF;
            int t = TOKEN[c];
            if (t != 0) {
                if (l == 0 && !(seps == 1 && light)) {
                    chain = 0;
                }
                h = h * IdentifierSet.P + t;
                l++;
                continue;
            }
            if (l > 0) {
                endToken(h, l);
                h = 0;
                l = 0;
                seps = 0;
            }
            seps++;
            light = LIGHT[c];
            if (c == '\n') {
                line++;
                chain = 0;
            }
        }
        hash = h;
        len = l;
        separators = seps;
        lightPending = light;
        out.write(b, off, length);
    }

    private void endToken(long tokenHash, int tokenLen) throws Found {
        long h = tokenHash;
        int l = tokenLen;
        check(h, l);
        for (int j = 1; j <= chain && l <= IdentifierSet.MAX_LENGTH; j++) {
            int slot = (head - j) & 3;
            h = chainHash[slot] * POW[l] + h;
            l += chainLen[slot];
            check(h, l);
        }
        chainHash[head] = tokenHash;
        chainLen[head] = tokenLen;
        head = (head + 1) & 3;
        if (chain < IdentifierSet.MAX_TOKENS - 1) {
            chain++;
        }
    }

    private void check(long h, int l) throws Found {
        if (identifiers.hasLength(l)) {
            windows++;
            long key = IdentifierSet.mix(h);
            int slot = (int) key & (NOT_FOUND_SLOTS - 1);
            if (notFound[slot] == key) {
                return;
            }
            Kind k = identifiers.findKey(key);
            if (k != Kind.NONE) {
                throw new Found(k, line);
            }
            notFound[slot] = key;
        }
    }

    /** Ends the last token (a payload always ends with a newline, so this only matters for tests). */
    public void finish() throws IOException {
        if (len > 0) {
            endToken(hash, len);
            hash = 0;
            len = 0;
        }
        flush();
    }
}
