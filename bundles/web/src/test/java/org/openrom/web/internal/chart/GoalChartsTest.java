package org.openrom.web.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalChartsTest {
    static final String HOSTILE = "<script>alert(1)</script>";

    private final ProgressCharts charts = new ProgressCharts(Histories.SCORING);

    static MeasureHistory goals() {
        return Histories.of("gbo")
                .answers("2026-01-10", "goal-1-text", HOSTILE, "goal-1", 2, "goal-2-text", "Go back to school & \"cope\"",
                        "goal-2", 4)
                .answers("2026-02-10", "goal-1-text", HOSTILE, "goal-1", 6, "goal-2-text", "Go back to school & \"cope\"")
                .build();
    }

    @Test
    void drawsOneLinePerGoalNamedInTheYoungPersonsWordsAsText() {
        Figure f = charts.clinician(List.of(goals()), null).get(0);
        Dom dom = Dom.of(f); // parses: nothing the young person typed became markup
        assertThat(dom.text("/figure/@data-measure")).isEqualTo("gbo");
        assertThat(dom.text("/figure/@data-scale")).isEqualTo("goals");
        assertThat(dom.count("//script")).isZero();
        assertThat(f.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dom.texts("//g[@class='series']/title")).containsExactly("Goal 1: " + HOSTILE,
                "Goal 2: Go back to school & \"cope\"");
        assertThat(dom.texts("//g[@class='legend']/text")).contains("Goal 1: " + HOSTILE);
        assertThat(dom.texts("//table/thead/tr/th")).containsExactly("Date", "Goal 1: " + HOSTILE,
                "Goal 2: Go back to school & \"cope\"");
        // goal 1 went from 2 to 6: a change of 3 or more (2.45 on whole numbers) is reliable
        assertThat(dom.texts("//table/tbody/tr[2]/td")).containsExactly("6 (reliable improvement)",
                "not rated (goal_2: 0 of 1 items answered, 1 needed)");
        assertThat(dom.texts("//g[@class='series'][@data-series='goal_1']/g[@class='point']/@data-value"))
                .containsExactly("2", "6");
        assertThat(dom.texts("//g[@class='series'][@data-series='goal_2']/g[@class='point']/@data-value"))
                .containsExactly("4");
        assertThat(dom.count("//g[@class='series'][@data-series='goal_1']//circle")).isEqualTo(2);
        assertThat(dom.count("//g[@class='series'][@data-series='goal_2']//rect")).isEqualTo(1);
        assertThat(dom.count("//g[@class='missing']")).isZero(); // with several lines the table says whose is missing
    }

    @Test
    void theYoungPersonSeesTheirGoalsInTheirOwnWords() {
        Figure f = charts.youngPerson(List.of(goals())).get(0);
        Dom dom = Dom.of(f);
        assertThat(dom.text("//svg/title")).isEqualTo("Your goals");
        assertThat(dom.text("//text[@class='direction']")).isEqualTo("Higher is better");
        assertThat(dom.texts("//g[@class='legend']/text")).contains("Goal 1: " + HOSTILE);
        assertThat(dom.texts("//table/tbody/tr[2]/td")).containsExactly("6", "not rated");
        assertThat(f.html()).doesNotContain("<script>").doesNotContainIgnoringCase("reliable");
    }

    @Test
    void wrapsALongGoalOverLinesWithoutLosingAWord() {
        String words = "To be able to go into town on the bus with my friends on a Saturday without having a panic"
                + " attack or needing to phone my mum to come and get me";
        MeasureHistory h = Histories.of("gbo").answers("2026-01-10", "goal-1-text", words, "goal-1", 3).build();
        Dom dom = Dom.of(charts.youngPerson(List.of(h)).get(0));
        List<String> lines = dom.texts("//g[@class='legend']/text");
        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(48));
        assertThat(String.join(" ", lines)).isEqualTo("Goal 1: " + words);
    }
}
