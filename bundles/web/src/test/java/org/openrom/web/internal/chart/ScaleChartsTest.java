package org.openrom.web.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrom.api.scoring.ScaleScore;

class ScaleChartsTest {
    private final ProgressCharts charts = new ProgressCharts(Histories.SCORING);

    private static MeasureHistory phq9(int... totals) {
        Histories h = Histories.of("phq9");
        for (int i = 0; i < totals.length; i++) {
            // nine items 0-3: spread the total over the items, item 9 stays 0
            int[] items = new int[9];
            for (int left = totals[i], k = 0; left > 0; k = (k + 1) % 8) {
                items[k]++;
                left--;
            }
            Object[] overrides = new Object[18];
            for (int k = 0; k < 9; k++) {
                overrides[2 * k] = "q" + (k + 1);
                overrides[2 * k + 1] = items[k];
            }
            h.all("2026-0" + (i + 1) + "-10", 9, 0, overrides);
        }
        return h.build();
    }

    private Figure clinician(MeasureHistory h) {
        List<Figure> figures = charts.clinician(List.of(h), null);
        assertThat(figures).hasSize(1);
        return figures.get(0);
    }

    @Test
    void drawsOnePointPerScoreWithAxesTitleAndDescriptionNamedByAriaLabelledby() {
        Figure f = clinician(phq9(18, 14, 7));
        Dom dom = Dom.of(f);
        assertThat(dom.text("/figure/@class")).isEqualTo("chart chart-clinician");
        assertThat(dom.text("/figure/@data-measure")).isEqualTo("phq9");
        assertThat(dom.text("/figure/svg/@role")).isEqualTo("img");
        String labelledBy = dom.text("/figure/svg/@aria-labelledby");
        assertThat(labelledBy.split(" ")).containsExactly("chart-phq9-total-title", "chart-phq9-total-desc");
        assertThat(dom.text("//svg/title[@id='chart-phq9-total-title']")).isEqualTo("PHQ-9 (young person): Total");
        assertThat(dom.text("//svg/desc")).contains("3 responses").contains("Lower is better");
        assertThat(dom.texts("//g[@class='point']/@data-value")).containsExactly("18", "14", "7");
        assertThat(dom.text("//text[@class='direction']")).isEqualTo("Lower is better");
        assertThat(dom.texts("//g[@class='x-axis']/text[@class='tick']"))
                .containsExactly("10 Jan 2026", "10 Feb 2026", "10 Mar 2026");
        assertThat(dom.texts("//g[@class='y-axis']/text[@class='tick']")).containsExactly("0", "5", "10", "15", "20", "25");
        assertThat(dom.count("//details/table[@class='chart-data']/tbody/tr")).isEqualTo(3);
    }

    @Test
    void shadesTheClinicalRangeFromTheRulesData() {
        // PHQ-9: at or above 10 on 0-27 (rules/phq9.json); plot 66..306 px
        Dom phq = Dom.of(clinician(phq9(18, 7)));
        assertThat(phq.text("//g[@class='cutoff-band']/rect[@class='band']/@y")).isEqualTo("66.0");
        assertThat(phq.text("//g[@class='cutoff-band']/rect[@class='band']/@height")).isEqualTo("151.1");
        assertThat(phq.text("//g[@class='cutoff-band']/text")).isEqualTo("Clinical range ≥ 10 (rules [V])");
        // GAD-7: at or above 8 on 0-21: another number, from another file
        Dom gad = Dom.of(clinician(Histories.of("gad7").all("2026-01-10", 7, 2).build()));
        assertThat(gad.text("//g[@class='cutoff-band']/text")).isEqualTo("Clinical range ≥ 8 (rules [V])");
        assertThat(gad.text("//g[@class='cutoff-band']/rect/@y")).isEqualTo("66.0");
        assertThat(gad.text("//g[@class='cutoff-band']/rect/@height")).isEqualTo("148.6"); // 240 × 13/21
        assertThat(gad.text("//text[@class='direction']")).isEqualTo("Lower is better");
    }

    @Test
    void shadesBelowTheCutOffWhereLowScoresAreClinicalAndPicksTheCutOffForTheAge() {
        MeasureHistory ors = Histories.of("ors").age(15).answers("2026-01-10", "individual", new BigDecimal("5.0"),
                "interpersonal", new BigDecimal("6.0"), "social", new BigDecimal("5.5"), "overall",
                new BigDecimal("4.5")).build();
        Dom dom = Dom.of(clinician(ors));
        assertThat(dom.text("//text[@class='direction']")).isEqualTo("Higher is better");
        assertThat(dom.text("//g[@class='cutoff-band']/text")).isEqualTo("Clinical range < 28 (rules [M])");
        assertThat(dom.text("//g[@class='cutoff-band']/rect/@y")).isEqualTo("138.0"); // 306 − 240 × 28/40
        assertThat(dom.text("//g[@class='cutoff-band']/rect/@height")).isEqualTo("168.0");
        MeasureHistory adult = Histories.of("ors").age(19).answers("2026-01-10", "individual", new BigDecimal("5.0"),
                "interpersonal", new BigDecimal("6.0"), "social", new BigDecimal("5.5"), "overall",
                new BigDecimal("4.5")).build();
        assertThat(Dom.of(clinician(adult)).text("//g[@class='cutoff-band']/text")).contains("< 25");
    }

    @Test
    void drawsNoBandWhenTheRulesHaveNoCutOff() {
        Dom one = Dom.of(clinician(Histories.of("ypcore").all("2026-01-10", 10, 2).build()));
        assertThat(one.count("//g[@class='cutoff-band']")).isZero();
        assertThat(one.text("//svg/desc")).contains("No clinical cut-off applies").contains("needs two scores");
        assertThat(one.count("//g[@class='point']")).isEqualTo(1);
        // YP-CORE's rules have no reliable-change threshold yet (MEASURES.md 4): the engine says why
        Dom two = Dom.of(clinician(Histories.of("ypcore").all("2026-01-10", 10, 2).all("2026-02-10", 10, 0).build()));
        assertThat(two.text("//svg/desc")).contains("Reliable change cannot be shown: ");
        assertThat(two.count("//g[@class='point'][@data-kind='score']")).isEqualTo(1);
        assertThat(two.count("//g[@class='legend']/path")).isZero();
    }

    @Test
    void marksReliableChangeFromTheFirstScoreByShapeWithALegend() {
        Dom dom = Dom.of(clinician(phq9(18, 14, 7, 20)));
        assertThat(dom.texts("//g[@class='point']/@data-kind"))
                .containsExactly("first", "score", "reliable-improvement", "score");
        assertThat(dom.count("//g[@class='point'][@data-kind='reliable-improvement']/path[@class='marker-diamond']"))
                .isEqualTo(1);
        assertThat(dom.texts("//g[@class='legend']/text")).contains("Reliable improvement from the first score",
                "Reliable deterioration from the first score");
        assertThat(dom.count("//g[@class='legend']/path[@class='marker-diamond']")).isEqualTo(1);
        assertThat(dom.count("//g[@class='legend']/path[@class='marker-cross']")).isEqualTo(1);
        assertThat(dom.text("//svg/desc")).contains("a change of 6 or more from the first score (rules [V])");
        assertThat(dom.texts("//table/tbody/tr[3]/td")).containsSequence("−11", "Reliable improvement");

        Dom worse = Dom.of(clinician(phq9(4, 12)));
        assertThat(worse.count("//g[@class='point'][@data-kind='reliable-deterioration']/path[@class='marker-cross']"))
                .isEqualTo(1);
    }

    @Test
    void neverPlotsAMissingScoreAndGivesItsReason() {
        MeasureHistory h = Histories.of("phq9").all("2026-01-10", 9, 2, "q9", 0)
                .all("2026-02-10", 9, 1, "q3", null) // one item unanswered: PHQ-9 is not prorated
                .unreadable("2026-02-20")
                .all("2026-03-10", 9, 1, "q9", 0).build();
        ScaleScore missing = h.occasions().get(1).scores().scale("total").orElseThrow();
        assertThat(missing.present()).isFalse();
        Dom dom = Dom.of(clinician(h));
        assertThat(dom.texts("//g[@class='point']/@data-value")).containsExactly("16", "8");
        assertThat(dom.texts("//g[@class='point']/@data-x")).containsExactly("0", "3");
        assertThat(dom.texts("//g[@class='missing']/@data-x")).containsExactly("1", "2");
        assertThat(dom.texts("//g[@class='missing']/text")).containsOnly("no score");
        assertThat(dom.text("//g[@class='series']/path[@class='line']/@d")).doesNotContain(" L"); // the line breaks
        assertThat(dom.texts("//table/tbody/tr[2]/td")).containsSequence("no score").last().asString()
                .isEqualTo(missing.missing().detail());
        assertThat(dom.texts("//table/tbody/tr[3]/td")).last().asString()
                .isEqualTo("the stored response can no longer be read");
        assertThat(dom.text("//svg/desc")).contains("2 responses have no score");
    }

    @Test
    void showsTheBandsWithTheirSchemeAndEveryScaleOfOneMeasureOnRequest() {
        MeasureHistory sdq = Histories.of("sdq-p").all("2026-01-10", 25, 1).build();
        List<Figure> figures = charts.clinician(List.of(sdq), "sdq-p");
        assertThat(figures).extracting(Figure::scale).contains("emotional", "conduct", "hyperactivity", "peer",
                "prosocial", "total_difficulties").doesNotContain("impact"); // impact: screening unanswered
        Figure total = figures.stream().filter(f -> f.scale().equals("total_difficulties")).findFirst().orElseThrow();
        assertThat(Dom.of(total).text("//table/tbody/tr[1]/td[2]")).contains("(sdq-3band)").contains("(sdq-4band)");
        assertThat(charts.clinician(List.of(sdq), null)).extracting(Figure::scale).containsExactly("total_difficulties");
    }

    @Test
    void theYoungPersonVersionIsPlainBigAndWithoutJargon() {
        List<Figure> figures = charts.youngPerson(List.of(phq9(18, 14, 7)));
        assertThat(figures).hasSize(1);
        Figure f = figures.get(0);
        Dom dom = Dom.of(f);
        assertThat(dom.text("/figure/@class")).isEqualTo("chart chart-young-person");
        assertThat(dom.text("//svg/title")).isEqualTo("Your scores over time: PHQ-9");
        assertThat(dom.text("//text[@class='direction']")).isEqualTo("Lower is better");
        assertThat(dom.text("//svg/@font-size")).isEqualTo("18");
        assertThat(dom.texts("//table/thead/tr/th")).containsExactly("Date", "Your score");
        assertThat(dom.text("//svg/desc")).contains("Your first score was 18").contains("Your latest score is 7");
        assertThat(f.html()).doesNotContainIgnoringCase("clinical").doesNotContainIgnoringCase("reliable")
                .doesNotContain("T-score").doesNotContain("phq9-severity").doesNotContain("rules [");
        assertThat(dom.text("//g[@class='cutoff-band']/text")).isEqualTo("Shaded area: high scores");
    }

    @Test
    void theYoungPersonSeesOnlyTheirOwnReportsNotAParentsOrTeachers() {
        MeasureHistory parent = Histories.of("sdq-p").all("2026-01-10", 25, 1).build();
        MeasureHistory self = Histories.of("sdq-s").all("2026-01-10", 25, 1).build();
        assertThat(charts.youngPerson(List.of(parent, self))).extracting(Figure::measure).containsExactly("sdq-s");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(clinician(phq9(18, 14, 7)).html()).isEqualTo(clinician(phq9(18, 14, 7)).html());
    }
}
