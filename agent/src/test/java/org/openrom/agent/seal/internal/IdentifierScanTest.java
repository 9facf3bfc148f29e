package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openrom.agent.seal.internal.IdentifierSet.Kind;

class IdentifierScanTest {

    static IdentifierSet set() {
        IdentifierSet s = new IdentifierSet();
        s.add("9434765919", Kind.NHS_NUMBER);
        s.add("Smith", Kind.NAME);
        s.add("O'Brien", Kind.NAME);
        s.add("2010-05-03", Kind.BIRTH_DATE);
        s.add("03/05/2010", Kind.BIRTH_DATE);
        s.add("LS1 4AB", Kind.POSTCODE);
        s.add("pat-000123", Kind.PATIENT_ID);
        return s;
    }

    static void scan(String text) throws IOException {
        IdentifierScan scan = new IdentifierScan(new ByteArrayOutputStream(), set());
        scan.write(text.getBytes(StandardCharsets.UTF_8));
        scan.finish();
    }

    static Kind found(String text) {
        try {
            scan(text);
            return Kind.NONE;
        } catch (IdentifierScan.Found f) {
            return f.kind();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void findsNhsNumbersWithAndWithoutSpaces() {
        assertThat(found("{\"code\":\"9434765919\"}")).isEqualTo(Kind.NHS_NUMBER);
        assertThat(found("{\"code\":\"943 476 5919\"}")).isEqualTo(Kind.NHS_NUMBER);
        assertThat(found("{\"valueInteger\":9434765919}")).isEqualTo(Kind.NHS_NUMBER);
        assertThat(found("{\"code\":\"19434765919\"}")).as("a longer number is another number").isEqualTo(Kind.NONE);
    }

    @Test
    void findsNamesAsWholeWordsIgnoringCase() {
        assertThat(found("{\"x\":\"SMITH\"}")).isEqualTo(Kind.NAME);
        assertThat(found("{\"x\":\"dr-smith\"}")).isEqualTo(Kind.NAME);
        assertThat(found("{\"x\":\"obrien and o'brien\"}")).isEqualTo(Kind.NAME);
        assertThat(found("{\"x\":\"Smithers\"}")).isEqualTo(Kind.NONE);
        assertThat(found("{\"x\":\"blacksmith\"}")).isEqualTo(Kind.NONE);
    }

    @Test
    void findsDatesOfBirthPostcodesAndLocalIds() {
        assertThat(found("\"2010-05-03\"")).isEqualTo(Kind.BIRTH_DATE);
        assertThat(found("\"03/05/2010\"")).isEqualTo(Kind.BIRTH_DATE);
        assertThat(found("\"2010-05\"")).isEqualTo(Kind.NONE);
        assertThat(found("\"LS1 4AB\"")).isEqualTo(Kind.POSTCODE);
        assertThat(found("\"ls14ab\"")).isEqualTo(Kind.POSTCODE);
        assertThat(found("\"LS1\"")).isEqualTo(Kind.NONE);
        assertThat(found("{\"reference\":\"Patient/pat-000123\"}")).isEqualTo(Kind.PATIENT_ID);
    }

    @Test
    void tokensInDifferentJsonValuesDoNotJoin() {
        assertThat(found("[\"943\",\"476\",\"5919\"]")).isEqualTo(Kind.NONE);
        assertThat(found("\"943\n476 5919\"")).isEqualTo(Kind.NONE);
    }

    @Test
    void reportsTheLineAndNeverTheValue() {
        assertThatThrownBy(() -> scan("{\"a\":1}\n{\"b\":2}\n{\"c\":\"x 943 476 5919\"}\n"))
                .isInstanceOfSatisfying(IdentifierScan.Found.class, f -> {
                    assertThat(f.line()).isEqualTo(3);
                    assertThat(f.getMessage()).contains("NHS number").contains("line 3").doesNotContain("943");
                });
    }

    @Test
    void findsAValueSplitAcrossWrites() throws IOException {
        IdentifierScan scan = new IdentifierScan(new ByteArrayOutputStream(), set());
        scan.write("{\"x\":\"943 4".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> {
            scan.write("76 5919\"}".getBytes(StandardCharsets.UTF_8));
            scan.finish();
        }).isInstanceOf(IdentifierScan.Found.class);
    }

    /**
     * The scan remembers windows it looked up and did not find. After tens of thousands of other windows (every slot
     * of that memory taken many times over, the identifiers' own slots among them), each identifier is still found,
     * in every form: the memory answers only for the exact window it holds.
     */
    @Test
    void findsIdentifiersAfterManyOtherWindows() {
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            noise.append("{\"w\":\"tok").append(Integer.toString(i, 36)).append(" ").append(i).append("\"}\n");
        }
        for (String value : new String[] {"9434765919", "943 476 5919", "Smith", "o'brien", "2010-05-03", "03/05/2010",
                "LS1 4AB", "pat-000123"}) {
            assertThat(found(noise + "{\"x\":\"" + value + "\"}\n")).as(value).isNotEqualTo(Kind.NONE);
            assertThat(found(noise + "{\"x\":\"" + value + "\"}\n" + noise)).as(value).isNotEqualTo(Kind.NONE);
        }
        assertThat(found(noise.toString() + noise)).isEqualTo(Kind.NONE);
    }
}
