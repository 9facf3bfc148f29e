package org.openrom.web.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every chart of a busy young person on one page: ids unique, each figure well-formed. The page is also written to
 * {@code target/chart-gallery.html} to look at (CSP-free, charts only).
 */
class ChartPageTest {
    @Test
    void idsAreUniqueAcrossAllChartsOfAPage() throws Exception {
        ProgressCharts charts = new ProgressCharts(Histories.SCORING);
        List<MeasureHistory> histories = List.of(
                Histories.of("phq9").all("2026-01-10", 9, 2, "q9", 0).all("2026-02-10", 9, 2, "q1", 0, "q9", 0)
                        .all("2026-03-10", 9, 1, "q3", null).all("2026-04-10", 9, 1, "q9", 0)
                        .all("2026-05-10", 9, 0).build(),
                Histories.of("sdq-s").all("2026-01-10", 25, 1).all("2026-05-10", 25, 0).build(),
                Histories.of("sdq-p").all("2026-01-12", 25, 2).all("2026-05-12", 25, 1).build(),
                Histories.of("sdq-t").all("2026-01-20", 25, 1).build(),
                GoalChartsTest.goals());
        List<List<Figure>> pages = List.of(charts.clinician(histories, null), charts.clinician(histories, "sdq-p"),
                charts.youngPerson(histories));
        StringBuilder gallery = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\">"
                + "<body style=\"max-width:760px;font-family:sans-serif\">\n");
        for (List<Figure> page : pages) {
            List<String> ids = new ArrayList<>();
            for (Figure f : page) {
                Dom.of(f);
                gallery.append(f.html()).append('\n');
                Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(f.html());
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
            assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3 * page.size());
        }
        assertThat(pages.get(1)).extracting(Figure::scale).contains("emotional", "total_difficulties");
        Path out = Path.of("target", "chart-gallery.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, gallery.append("</body></html>\n"), StandardCharsets.UTF_8);
    }
}
