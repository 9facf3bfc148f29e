package org.openrom.agent.seal.internal;

import java.nio.charset.StandardCharsets;

/**
 * The identifiers a site holds, as 64-bit hashes of their normalised form in an open-addressing table (about 9
 * bytes per identifier; no strings kept, so a heap dump shows no names). Normalised form: the identifier's token
 * characters (ASCII letters and digits, and every non-ASCII byte) with ASCII lower-cased and everything else
 * removed, so {@code 943 476 5919}, {@code LS1 4AB} and {@code O'Brien} become {@code 9434765919}, {@code ls14ab}
 * and {@code obrien}. The same hash is computed over payload tokens by {@link IdentifierScan}.
 */
public final class IdentifierSet {

    /** Kinds of identifier, named in the scan's message (the value itself never is). */
    public enum Kind {
        NONE("none"),
        NHS_NUMBER("NHS number"),
        NAME("name"),
        BIRTH_DATE("date of birth"),
        POSTCODE("full postcode"),
        PATIENT_ID("local patient id"),
        EPISODE_ID("local episode id");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Windows of at most this many tokens are looked up. */
    static final int MAX_TOKENS = 4;
    /** Normalised identifiers longer than this are not registered (and payload windows longer are not looked up). */
    static final int MAX_LENGTH = 48;

    static final long P = 0x100000001B3L;

    private long[] keys = new long[1 << 12];
    // A one-hash Bloom filter over the keys, about 16 bits per key: small enough to stay in the CPU cache, so most
    // payload windows are rejected without touching the (large, cache-missing) table.
    private long[] filter = new long[1 << 6];
    private byte[] kinds = new byte[1 << 12];
    private int size;
    private long lengths; // bit i set: some identifier has normalised length i (i < 64)

    /**
     * Adds an identifier.
     *
     * @return false when its normalised form is empty, too long or has more than {@link #MAX_TOKENS} parts
     */
    public boolean add(String identifier, Kind kind) {
        byte[] b = identifier.getBytes(StandardCharsets.UTF_8);
        long h = 0;
        int len = 0;
        int tokens = 0;
        boolean inToken = false;
        for (byte x : b) {
            int c = x & 0xFF;
            if (IdentifierScan.isTokenByte(c)) {
                h = h * P + IdentifierScan.lower(c);
                len++;
                if (!inToken) {
                    tokens++;
                }
                inToken = true;
            } else {
                inToken = false;
            }
        }
        if (len == 0 || len > MAX_LENGTH || tokens > MAX_TOKENS) {
            return false;
        }
        put(mix(h), kind);
        lengths |= 1L << len;
        return true;
    }

    /** Number of distinct normalised identifiers. */
    public int size() {
        return size;
    }

    boolean hasLength(int len) {
        return len < 64 && (lengths & (1L << len)) != 0;
    }

    /** The kind registered for a raw polynomial hash, or {@link Kind#NONE}. */
    Kind find(long rawHash) {
        return findKey(mix(rawHash));
    }

    /** The kind registered for a key ({@link #mix} of a raw hash), or {@link Kind#NONE}. */
    Kind findKey(long k) {
        int bit = (int) (k >>> 40) & (filter.length * 64 - 1);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return Kind.NONE;
        }
        int mask = keys.length - 1;
        for (int i = (int) k & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                return Kind.NONE;
            }
            if (keys[i] == k) {
                return Kind.values()[kinds[i]];
            }
        }
    }

    private void put(long k, Kind kind) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = (int) k & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = k;
                kinds[i] = (byte) kind.ordinal();
                size++;
                setFilter(k);
                return;
            }
            if (keys[i] == k) {
                return;
            }
        }
    }

    private void setFilter(long k) {
        int bit = (int) (k >>> 40) & (filter.length * 64 - 1);
        filter[bit >>> 6] |= 1L << bit;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldKinds = kinds;
        keys = new long[oldKeys.length * 2];
        kinds = new byte[oldKeys.length * 2];
        filter = new long[keys.length / 8]; // 16 bits per key at the table's 50% load
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], Kind.values()[oldKinds[i]]);
            }
        }
    }

    /** Spreads the polynomial hash (murmur3 fmix64); 0 is reserved for empty slots. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    @Override
    public String toString() {
        return "IdentifierSet[" + size + " identifiers]"; // never the identifiers
    }
}
