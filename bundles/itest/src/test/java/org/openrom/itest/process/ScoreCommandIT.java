package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openrom score}, {@code change} and {@code measures} from the built distribution. */
class ScoreCommandIT {
    private static final String[] CODES = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    @TempDir
    Path tmp;

    static String phq9Fhir(int... answers) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"linkId\":\"q").append(i + 1)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(CODES[answers[i]]).append("\"}}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"cli-1\","
                + "\"questionnaire\":\"http://openrom.org/fhir/Questionnaire/phq9|1.0.0\",\"status\":\"completed\","
                + "\"item\":[" + items + "]}";
    }

    private static Site run(String... args) throws Exception {
        Site site = Site.start(args);
        site.awaitExit(120);
        return site;
    }

    @Test
    void scoresAFhirResponseWithBandAndRiskAlert() throws Exception {
        Path qr = Files.writeString(tmp.resolve("qr.json"), phq9Fhir(2, 3, 1, 1, 0, 2, 1, 0, 1));
        Site s = run("score", "--measure", "phq9", qr.toString());
        assertThat(s.process.exitValue()).as(s.describe()).isZero();
        String json = String.join("\n", s.out);
        assertThat(json).contains("\"total\":{\"value\":11").contains("\"label\":\"moderate\"")
                .contains("\"code\":\"phq9-item9\"");
        assertThat(s.err).isEmpty();
    }

    @Test
    void scoresTheSimpleFormAndReportsReliableChange() throws Exception {
        Path first = Files.writeString(tmp.resolve("first.json"),
                "{\"measure\":\"phq9\",\"answers\":{\"q1\":3,\"q2\":3,\"q3\":3,\"q4\":3,\"q5\":2,\"q6\":3,\"q7\":2,\"q8\":1,\"q9\":0}}");
        Path last = Files.writeString(tmp.resolve("last.json"),
                "{\"measure\":\"phq9\",\"answers\":{\"q1\":2,\"q2\":3,\"q3\":1,\"q4\":1,\"q5\":0,\"q6\":2,\"q7\":1,\"q8\":0,\"q9\":1}}");
        Site s = run("change", "--measure", "phq9", first.toString(), last.toString());
        assertThat(s.process.exitValue()).as(s.describe()).isZero();
        assertThat(String.join("\n", s.out)).contains("\"first\":20,\"last\":11,\"difference\":-9")
                .contains("\"verdict\":\"RELIABLE_IMPROVEMENT\"");
    }

    @Test
    void badInputIsOneLineNamingTheProblemAndExit2() throws Exception {
        Path unknownItem = Files.writeString(tmp.resolve("a.json"), phq9Fhir(0, 0, 0, 0, 0, 0, 0, 0, 0).replace("\"q9\"", "\"q12\""));
        Site a = run("score", "--measure", "phq9", unknownItem.toString());
        assertThat(a.process.exitValue()).isEqualTo(2);
        assertThat(a.err).hasSize(1);
        assertThat(a.err.get(0)).startsWith("openrom: ").contains("q12");

        Path outOfRange = Files.writeString(tmp.resolve("b.json"), "{\"measure\":\"phq9\",\"answers\":{\"q1\":7}}");
        Site b = run("score", "--measure", "phq9", outOfRange.toString());
        assertThat(b.process.exitValue()).isEqualTo(2);
        assertThat(b.err).containsExactly("openrom: phq9: item q1 needs an option position 0..3, got 7");

        Site c = run("score", "--measure", "nosuch", outOfRange.toString());
        assertThat(c.process.exitValue()).isEqualTo(2);
        assertThat(c.err).containsExactly("openrom: unknown measure 'nosuch' (see 'openrom measures')");

        Path malformed = Files.writeString(tmp.resolve("c.json"), "{nope");
        Site d = run("score", "--measure", "phq9", malformed.toString());
        assertThat(d.process.exitValue()).isEqualTo(2);
        assertThat(d.err).hasSize(1);
        assertThat(d.err.get(0)).contains("not JSON");
    }

    @Test
    void listsEveryMeasureWithVersionAndLicenceStatus() throws Exception {
        Site s = run("measures");
        assertThat(s.process.exitValue()).as(s.describe()).isZero();
        assertThat(s.out).hasSize(21);
        assertThat(String.join("\n", s.out))
                .containsPattern("phq9 +1\\.0\\.0 +self +free, included")
                .containsPattern("sdq-p +\\S+ +parent +licensed, needs a content pack");
    }
}
