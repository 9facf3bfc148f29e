package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnownStringsTest {

    private static List<String> readAll(KnownStrings known, String json) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json.getBytes(StandardCharsets.UTF_8))) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t.isScalarValue()) {
                    out.add(known.read(p));
                }
            }
        }
        return out;
    }

    @Test
    void knownValuesComeBackAsTheKnownInstanceAndOthersAsTheirText() throws IOException {
        String q1 = new String("q1");
        String loinc = new String("http://loinc.org");
        KnownStrings known = new KnownStrings(List.of(q1, loinc, "LA6570-1", "é-ü"));
        List<String> read = readAll(known,
                "[\"q1\", \"http://loinc.org\", \"q2\", \"LA6570-\\u0031\", \"\\u00e9-\\u00fc\", \"q1x\", \"\", 17, true]");
        assertThat(read).containsExactly("q1", "http://loinc.org", "q2", "LA6570-1", "é-ü", "q1x", "", "17", "true");
        assertThat(read.get(0)).isSameAs(q1);
        assertThat(read.get(1)).isSameAs(loinc);
        assertThat(read.get(2)).isNotSameAs(q1);
    }

    @Test
    void readsWhatGetTextReadsForRandomValues() throws IOException {
        SplittableRandom random = new SplittableRandom(6);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(0, 12); n > 0; n--) {
                b.append((char) random.nextInt(0x20, 0x250));
            }
            values.add(b.toString());
        }
        KnownStrings known = new KnownStrings(values.subList(0, 1_000));
        StringBuilder json = new StringBuilder("[");
        for (String v : values) {
            json.append(json.length() > 1 ? "," : "").append('"')
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        assertThat(readAll(known, json.append(']').toString())).isEqualTo(values);
        assertThat(readAll(KnownStrings.NONE, json.toString())).isEqualTo(values);
    }
}
