package org.openrom.web.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InformantChartsTest {
    private final ProgressCharts charts = new ProgressCharts(Histories.SCORING);

    private static MeasureHistory sdq(String measure, int position, String... dates) {
        Histories h = Histories.of(measure);
        for (String d : dates) {
            h.all(d, 25, position);
        }
        return h.build();
    }

    @Test
    void putsTheYoungPersonParentAndTeacherOnOneChartWithShapesLineStylesAndALegend() {
        List<MeasureHistory> all = List.of(sdq("sdq-p", 1, "2026-01-12", "2026-03-12"),
                sdq("sdq-s", 2, "2026-01-10", "2026-03-10"), sdq("sdq-t", 0, "2026-01-20"));
        List<Figure> figures = charts.clinician(all, null);
        assertThat(figures).extracting(Figure::measure).containsExactly("sdq-p", "sdq-s", "sdq-t", "sdq");
        Figure multi = figures.get(3);
        Dom dom = Dom.of(multi);
        assertThat(dom.text("/figure/@data-scale")).isEqualTo("total_difficulties");
        assertThat(dom.text("//svg/title")).isEqualTo("SDQ total difficulties by informant");
        assertThat(dom.text("//svg/desc")).startsWith("Young person (SDQ-S), Parent (SDQ-P), Teacher (SDQ-T): ");
        assertThat(dom.texts("//g[@class='series']/title"))
                .containsExactly("Young person (SDQ-S)", "Parent (SDQ-P)", "Teacher (SDQ-T)");
        assertThat(dom.count("//g[@class='series'][@data-series='sdq-s']/g[@class='point']/circle")).isEqualTo(2);
        assertThat(dom.count("//g[@class='series'][@data-series='sdq-p']/g[@class='point']/rect")).isEqualTo(2);
        assertThat(dom.count("//g[@class='series'][@data-series='sdq-t']/g[@class='point']/path")).isEqualTo(1);
        assertThat(dom.texts("//g[@class='series']/path[@class='line']/@stroke-dasharray")).containsExactly("9 5");
        assertThat(dom.count("//g[@class='series'][@data-series='sdq-s']/path[@class='line'][@stroke-dasharray]"))
                .isZero();
        assertThat(dom.texts("//g[@class='legend']/text")).containsSequence("Young person (SDQ-S)", "Parent (SDQ-P)",
                "Teacher (SDQ-T)");
        // five dates in all, in order; each informant at its own dates
        assertThat(dom.texts("//g[@class='x-axis']/line")).hasSize(6);
        assertThat(dom.texts("//g[@class='series'][@data-series='sdq-s']/g[@class='point']/@data-x"))
                .containsExactly("0", "3");
        assertThat(dom.texts("//g[@class='series'][@data-series='sdq-t']/g[@class='point']/@data-x"))
                .containsExactly("2");
        assertThat(dom.count("//table/tbody/tr")).isEqualTo(5);
    }

    @Test
    void drawsEachInformantsOwnCutOffFromTheRules() {
        List<MeasureHistory> all = List.of(sdq("sdq-s", 1, "2026-01-10"), sdq("sdq-p", 1, "2026-01-10"),
                sdq("sdq-t", 1, "2026-01-10"));
        Dom dom = Dom.of(charts.clinician(all, "sdq-p").get(charts.clinician(all, "sdq-p").size() - 1));
        // rules/sdq-*.json: self 16, parent 14, teacher 12 (lower bounds of the borderline bands)
        assertThat(dom.texts("//g[@class='cutoff-line']/@data-value")).containsExactly("16", "14", "12");
        assertThat(dom.texts("//g[@class='cutoff-line']/title")).containsExactly(
                "Young person (SDQ-S) clinical range ≥ 16 (rules [M])", "Parent (SDQ-P) clinical range ≥ 14 (rules [V])",
                "Teacher (SDQ-T) clinical range ≥ 12 (rules [M])");
        assertThat(dom.count("//g[@class='cutoff-band']")).isZero();
    }

    @Test
    void needsTwoInformantsOfOneFamily() {
        assertThat(charts.clinician(List.of(sdq("sdq-p", 1, "2026-01-10")), null)).extracting(Figure::measure)
                .containsExactly("sdq-p");
        MeasureHistory phq = Histories.of("phq9").all("2026-01-10", 9, 1).build();
        MeasureHistory gad = Histories.of("gad7").all("2026-01-10", 7, 1).build();
        assertThat(charts.clinician(List.of(phq, gad), null)).extracting(Figure::measure)
                .containsExactly("phq9", "gad7");
    }

    @Test
    void groupsRcadsChildAndParentOnTheirTotal() {
        MeasureHistory child = Histories.of("rcads-c").all("2026-01-10", 47, 1).build();
        MeasureHistory parent = Histories.of("rcads-p").all("2026-01-11", 47, 2).build();
        Figure multi = charts.clinician(List.of(child, parent), null).get(2);
        Dom dom = Dom.of(multi);
        assertThat(multi.measure()).isEqualTo("rcads");
        assertThat(dom.texts("//g[@class='series']/title")).containsExactly("Young person (RCADS)", "Parent (RCADS-P)");
        assertThat(dom.texts("//g[@class='point']/@data-value")).containsExactly("47", "94");
    }
}
