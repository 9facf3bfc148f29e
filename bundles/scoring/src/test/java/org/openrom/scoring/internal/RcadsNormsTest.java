package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.scoring.internal.TestScoring.PLAIN;
import static org.openrom.scoring.internal.TestScoring.WITH_PACK;
import static org.openrom.scoring.internal.TestScoring.all;
import static org.openrom.scoring.internal.TestScoring.score;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.ContentPackStatus;
import org.openrom.api.scoring.MissingReason;
import org.openrom.api.scoring.ScaleScore;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.Sex;
import org.openrom.scoring.Scoring;

/**
 * RCADS and RCADS-25 (MEASURES.md §2, §3) with the synthetic test pack (src/test/resources/content-pack): made-up
 * numbers, never the licensed norms.
 */
class RcadsNormsTest {

    @Test
    void rawSubscalesAndTotalsFollowTheItemMap() {
        Map<String, AnswerValue> a = all(47, 0);
        for (int item : new int[] {2, 6, 11, 15, 19, 21, 25, 29, 40, 47}) {
            a.put("q" + item, new AnswerValue.IntegerValue(3)); // depression items at Always
        }
        a.put("q5", new AnswerValue.IntegerValue(1)); // separation anxiety
        ScoreSet s = score(PLAIN, "rcads-c", a, 14, Sex.FEMALE);
        assertThat(s.value("depression")).isEqualByComparingTo("30");
        assertThat(s.value("separation_anxiety")).isEqualByComparingTo("1");
        assertThat(s.value("total_anxiety")).isEqualByComparingTo("1");
        assertThat(s.value("total")).isEqualByComparingTo("31");
    }

    @Test
    void tScoresComeFromThePackByGradeAndSex() {
        ScoreSet s = score(WITH_PACK, "rcads-c", all(47, 1), 14, Sex.FEMALE);
        // grade 8, female: depression cell mean 11, sd 5.5 -> 50 + 10 (10 - 11) / 5.5 = 48.18 -> 48
        assertThat(s.value("depression_t")).isEqualByComparingTo("48");
        // totals by grade band 7-10: mean 42, sd 16 -> 50 + 10 (47 - 42) / 16 = 53.125 -> 53
        ScaleScore total = s.scale("total_t").orElseThrow();
        assertThat(total.value()).isEqualByComparingTo("53");
        assertThat(total.band("rcads-t").label()).isEqualTo("normal");
    }

    @Test
    void withoutAPackTScoresAreMissingWithTheReason() {
        ScaleScore t = score(PLAIN, "rcads-c", all(47, 1), 14, Sex.FEMALE).scale("depression_t").orElseThrow();
        assertThat(t.value()).isNull();
        assertThat(t.missing().reason()).isEqualTo(MissingReason.NO_NORMS);
        assertThat(t.missing().detail()).isEqualTo("depression_t: the content pack has no norm table rcads-c");
    }

    @Test
    void outsideTheNormsGivesRawOnly() {
        assertThat(reason(14, Sex.OTHER)).isEqualTo(MissingReason.OUTSIDE_NORMS);
        assertThat(reason(14, Sex.UNKNOWN)).isEqualTo(MissingReason.OUTSIDE_NORMS);
        assertThat(reason(8, Sex.MALE)).isEqualTo(MissingReason.OUTSIDE_NORMS); // grade 2
        assertThat(reason(10, Sex.MALE)).isNull(); // grade 4
    }

    private static MissingReason reason(int age, Sex sex) {
        ScaleScore t = score(WITH_PACK, "rcads-c", all(47, 1), age, sex).scale("panic_t").orElseThrow();
        return t.missing() == null ? null : t.missing().reason();
    }

    @Test
    void gradeLimitsAreInclusive() {
        assertThat(score(WITH_PACK, "rcads-c", all(47, 1), 9, Sex.MALE).value("panic_t")).isNotNull(); // grade 3
        assertThat(score(WITH_PACK, "rcads-c", all(47, 1), 18, Sex.MALE).value("panic_t")).isNotNull(); // grade 12
        assertThat(score(WITH_PACK, "rcads-c", all(47, 1), 8, Sex.MALE).scale("panic_t").orElseThrow().missing()
                .detail()).isEqualTo("panic_t: age 8 is grade 2, outside the norms' grades 3-12");
        assertThat(score(WITH_PACK, "rcads-c", all(47, 1), 19, Sex.MALE).value("panic_t")).isNull();
    }

    @Test
    void aMissingSubscaleMakesTotalsAndTheirTScoresMissing() {
        Map<String, AnswerValue> a = all(47, 1);
        a.remove("q5");
        ScoreSet s = score(WITH_PACK, "rcads-c", a, 14, Sex.MALE);
        assertThat(s.scale("separation_anxiety").orElseThrow().missing().reason()).isEqualTo(MissingReason.TOO_FEW_ANSWERS);
        assertThat(s.value("total")).isNull();
        assertThat(s.scale("total_t").orElseThrow().missing().reason()).isEqualTo(MissingReason.COMPONENT_MISSING);
        assertThat(s.value("depression_t")).isNotNull();
    }

    @Test
    void rcads25UsesTheTablesOwnRawToTEntries() {
        Map<String, AnswerValue> a = all(25, 0);
        for (int item : new int[] {1, 4, 8, 10, 13, 15, 16, 19, 21, 24}) {
            a.put("q" + item, new AnswerValue.IntegerValue(2));
        }
        ScoreSet s = score(WITH_PACK, "rcads25-c", a, 13, Sex.FEMALE);
        assertThat(s.value("depression")).isEqualByComparingTo("20");
        assertThat(s.value("total_anxiety")).isEqualByComparingTo("0");
        ScaleScore t = s.scale("depression_t").orElseThrow();
        assertThat(t.value()).isEqualByComparingTo("70"); // synthetic table: 30 + 2 x raw
        assertThat(t.band("rcads-t").label()).isEqualTo("clinical");
        assertThat(score(WITH_PACK, "rcads25-c", a, 13, Sex.MALE).scale("depression_t").orElseThrow().missing()
                .detail()).isEqualTo("depression_t: norm table rcads25-c has no cell for depression, male, grade 7");
    }

    @Test
    void packStatusSaysWhatIsLoadedMissingAndBroken() {
        ContentPackStatus s = WITH_PACK.contentPack();
        assertThat(s.configured()).isTrue();
        assertThat(s.name()).isEqualTo("openrom-test-pack");
        assertThat(s.version()).isEqualTo("0.0.1");
        assertThat(s.texts()).containsOnlyKeys("ors", "rcads-c", "sdq-p");
        assertThat(s.normTables()).containsExactly("rcads-c", "rcads25-c");
        assertThat(s.problems()).hasSize(3).anySatisfy(p -> assertThat(p).endsWith("ors.en.json: q99 is not a linkId of ors"))
                .anySatisfy(p -> assertThat(p).endsWith("ors.en.json: the text of social must be a non-empty string"))
                .anySatisfy(p -> assertThat(p).contains("rcads25-c.json: cells[1]: sex must be female, male"));
        assertThat(s.missing()).contains("rcads-p: no norm table rcads-p: raw scores only, no T-scores",
                "sdq-t: no item text in the pack (licensed): placeholders are shown",
                "text/rcads-c.en.json: no text for 3 items: intro, q46, q47",
                "norms/rcads25-c.json: no cell for total, male, grade 12");
        assertThat(s.missing()).noneMatch(m -> m.startsWith("norms/rcads-c.json"));
        assertThat(s.missing()).noneMatch(m -> m.startsWith("sdq-p:") || m.startsWith("text/sdq-p"));
    }

    @Test
    void itemTextComesFromThePack() {
        assertThat(WITH_PACK.itemTexts("sdq-p", "en")).containsEntry("q7", "Made-up test wording for q7")
                .containsEntry("impact-difficulties", "Made-up test wording for impact-difficulties");
        assertThat(WITH_PACK.itemTexts("sdq-p", "cy")).isEmpty();
        assertThat(PLAIN.itemTexts("sdq-p", "en")).isEmpty();
        assertThat(WITH_PACK.measures()).filteredOn(m -> m.id().equals("sdq-p")).singleElement()
                .satisfies(m -> assertThat(m.textAvailable()).isTrue());
        assertThat(WITH_PACK.measures()).filteredOn(m -> m.id().equals("sdq-t")).singleElement()
                .satisfies(m -> assertThat(m.textAvailable()).isFalse());
    }

    @Test
    void aMissingPackFolderIsReportedNotFatal(@TempDir Path tmp) {
        ContentPackStatus s = Scoring.open(tmp.resolve("nowhere")).contentPack();
        assertThat(s.problems()).containsExactly("content pack folder " + tmp.resolve("nowhere")
                + " does not exist or is not a folder");
        assertThat(PLAIN.contentPack().configured()).isFalse();
        assertThat(PLAIN.contentPack().missing()).singleElement().asString().startsWith("no content pack configured");
    }
}
