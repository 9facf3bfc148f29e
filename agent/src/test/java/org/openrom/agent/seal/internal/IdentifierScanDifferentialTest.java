package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrom.agent.seal.internal.IdentifierSet.Kind;

/**
 * The scanner against a plain reading of its specification, on random text cut into random writes: tokens are maximal
 * runs of ASCII letters, digits and non-ASCII bytes (lower-cased); windows are 1–4 consecutive tokens joined by exactly
 * one light separator; a window is an identifier when its tokens, concatenated, are one the site holds (compared as
 * strings here, not hashes). Both must report the same first hit (kind and line), or none, the same number of
 * windows looked up and the same line count.
 */
class IdentifierScanDifferentialTest {

    private static final String LIGHT = " -/.'";
    private static final String[] PIECES = {"a", "B", "z", "Q", "0", "7", "9", "é", " ", " ", "-", "/", ".", "'", "\"",
            ":", ",", "{", "}", "\n", "  ", "ab", "Smith", "LS1", "4AB", "2010", "05", "03", "943", "476", "5919"};
    private static final Kind[] KINDS = {Kind.NHS_NUMBER, Kind.NAME, Kind.BIRTH_DATE, Kind.POSTCODE, Kind.PATIENT_ID};

    record Token(String text, int line, boolean joined) {}

    record Outcome(Kind kind, long line, long windows, long lines) {}

    static List<Token> tokens(byte[] text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int seps = 0;
        boolean light = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i <= text.length; i++) {
            int c = i < text.length ? text[i] & 0xFF : '\n';
            boolean token = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
            if (token) {
                bytes.write(c >= 'A' && c <= 'Z' ? c + 32 : c);
                continue;
            }
            if (bytes.size() > 0) {
                boolean joined = !tokens.isEmpty() && seps == 1 && light;
                tokens.add(new Token(bytes.toString(StandardCharsets.ISO_8859_1), line, joined));
                bytes.reset();
                seps = 0;
            }
            if (i == text.length) {
                break;
            }
            seps++;
            light = LIGHT.indexOf(c) >= 0;
            if (c == '\n') {
                line++;
            }
        }
        return tokens;
    }

    /** The specification, read plainly. Identifiers are normalised strings (ISO-8859-1 view of their bytes). */
    static Outcome reference(byte[] text, Map<String, Kind> identifiers) {
        Set<Integer> lengths = new HashSet<>();
        identifiers.keySet().forEach(k -> lengths.add(k.length()));
        List<Token> tokens = tokens(text);
        long windows = 0;
        for (int k = 0; k < tokens.size(); k++) {
            String window = "";
            for (int j = 0; j < IdentifierSet.MAX_TOKENS && k - j >= 0; j++) {
                if (j > 0 && (!tokens.get(k - j + 1).joined() || window.length() > IdentifierSet.MAX_LENGTH)) {
                    break;
                }
                window = tokens.get(k - j).text() + window;
                if (lengths.contains(window.length())) {
                    windows++;
                    Kind kind = identifiers.get(window);
                    if (kind != null) {
                        return new Outcome(kind, tokens.get(k).line(), windows, -1);
                    }
                }
            }
        }
        long lines = 0;
        for (byte b : text) {
            lines += b == '\n' ? 1 : 0;
        }
        return new Outcome(Kind.NONE, -1, windows, lines);
    }

    static Outcome scanner(byte[] text, IdentifierSet set, Random cuts) throws IOException {
        IdentifierScan scan = new IdentifierScan(new ByteArrayOutputStream(), set);
        try {
            for (int i = 0; i < text.length; ) {
                int n = Math.min(text.length - i, 1 + cuts.nextInt(cuts.nextBoolean() ? 3 : 40));
                scan.write(text, i, n);
                i += n;
            }
            scan.finish();
        } catch (IdentifierScan.Found f) {
            return new Outcome(f.kind(), f.line(), scan.windows(), -1);
        }
        return new Outcome(Kind.NONE, -1, scan.windows(), scan.lines());
    }

    @Test
    void agreesWithThePlainReadingOnRandomTextCutIntoRandomWrites() throws IOException {
        Random random = new Random(20261122);
        int hits = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder s = new StringBuilder();
            int pieces = 1 + random.nextInt(120);
            for (int p = 0; p < pieces; p++) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] text = s.toString().getBytes(StandardCharsets.UTF_8);
            // Identifiers: a few windows taken from this very text (so hits happen anywhere), and some that are not.
            List<Token> tokens = tokens(text);
            Map<String, Kind> identifiers = new LinkedHashMap<>();
            IdentifierSet set = new IdentifierSet();
            int wanted = random.nextInt(4);
            for (int w = 0; w < wanted && !tokens.isEmpty(); w++) {
                int k = random.nextInt(tokens.size());
                int j = random.nextInt(Math.min(IdentifierSet.MAX_TOKENS, k + 1));
                StringBuilder id = new StringBuilder();
                for (int t = k - j; t <= k; t++) {
                    id.append(tokens.get(t).text()).append(t < k ? " " : "");
                }
                add(id.toString(), KINDS[random.nextInt(KINDS.length)], identifiers, set);
            }
            add("x" + random.nextInt(1000), Kind.NAME, identifiers, set);
            Outcome expected = reference(text, identifiers);
            assertThat(scanner(text, set, new Random(round))).as("round %d: %s", round, s).isEqualTo(expected);
            hits += expected.kind() == Kind.NONE ? 0 : 1;
        }
        assertThat(hits).as("rounds with a hit").isBetween(500, 2900);
    }

    private static void add(String identifier, Kind kind, Map<String, Kind> identifiers, IdentifierSet set) {
        byte[] bytes = identifier.getBytes(StandardCharsets.ISO_8859_1);
        if (set.add(new String(bytes, StandardCharsets.UTF_8), kind)) {
            StringBuilder normalised = new StringBuilder();
            for (byte b : bytes) {
                int c = b & 0xFF;
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
                    normalised.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
                }
            }
            identifiers.putIfAbsent(normalised.toString(), kind);
        }
    }
}
