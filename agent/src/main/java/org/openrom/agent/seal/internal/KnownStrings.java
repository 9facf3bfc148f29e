package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The string values a stored response is expected to hold (the catalogue's linkIds, answer systems and codes, band
 * schemes and labels), each as the catalogue's own {@link String}. Reading a value through {@link #read} returns that
 * instance instead of a new copy: nothing is allocated for the values sealing reads millions of times, and the
 * catalogue's map lookups then find their key by identity with its hash already computed. A value that is not known
 * is returned as a new String, so what is read never depends on this table. Immutable, shared by every worker.
 */
final class KnownStrings {

    static final KnownStrings NONE = new KnownStrings(Set.of());

    private final String[] table;

    /** @param values the instances to hand back (equal values: the first is kept) */
    KnownStrings(Collection<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        int size = Integer.highestOneBit(Math.max(4, distinct.size() * 4) - 1) << 1;
        table = new String[size];
        for (String s : distinct) {
            int i = slot(s.hashCode());
            while (table[i] != null) {
                i = (i + 1) & (table.length - 1);
            }
            table[i] = s;
        }
    }

    /** The current token's text (as {@link JsonParser#getText()}), the known instance when there is one. */
    String read(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        if (chars == null) {
            return p.getText();
        }
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode()
        }
        for (int i = slot(hash); ; i = (i + 1) & (table.length - 1)) {
            String s = table[i];
            if (s == null) {
                return new String(chars, offset, length);
            }
            if (s.hashCode() == hash && equal(s, chars, offset, length)) {
                return s;
            }
        }
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (table.length - 1);
    }

    private static boolean equal(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
