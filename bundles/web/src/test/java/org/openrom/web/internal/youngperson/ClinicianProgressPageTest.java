package org.openrom.web.internal.youngperson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.web.internal.youngperson.YoungPersonSite.P1;
import static org.openrom.web.internal.youngperson.YoungPersonSite.SAM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.web.internal.chart.ProgressPatientPage;
import org.openrom.web.internal.page.Exchange;
import org.openrom.web.internal.page.WebSession;

/** The clinician's progress page ({@code /patients/{pid}/progress}) with real store, scoring and HAPI. */
class ClinicianProgressPageTest {
    @TempDir
    Path dir;

    private Exchange get(ProgressPatientPage page, WebSession s, Map<String, String> query, String rest)
            throws Exception {
        Exchange x = Exchange.of("GET", "/patients", "/p1/progress" + rest, query, Map.of());
        page.serve(x.req, x.resp, s, P1, rest);
        return x;
    }

    @Test
    void showsEveryMeasureWithDetailTheMultiInformantViewAndAuditsTheView() throws Exception {
        try (YoungPersonSite site = new YoungPersonSite(dir)) {
            site.save(QrJson.phq9("a1", "p1", "2026-01-10T10:00:00Z", 2));
            site.save(QrJson.phq9("a2", "p1", "2026-03-10T10:00:00Z", 0));
            site.save(sdq("s1", "sdq-s", "2026-01-10T10:00:00Z", 1));
            site.save(sdq("s2", "sdq-p", "2026-01-12T10:00:00Z", 2));
            site.save(QrJson.of("g1", "p1", "gbo", "2026-01-10T10:05:00Z", "goal-1-text", "<b>Sleep</b> better",
                    "goal-1", 2));
            ProgressPatientPage page = new ProgressPatientPage(site.store, YoungPersonSite.SCORING, YoungPersonSite.FHIR);
            WebSession s = site.sessions.startClinician(SAM, Exchange.of("POST", "/signin", null, Map.of(), Map.of()).req,
                    Exchange.of("POST", "/signin", null, Map.of(), Map.of()).resp);

            Exchange all = get(page, s, Map.of(), "");
            assertThat(all.status()).isEqualTo(200);
            String html = all.body();
            assertThat(html).contains("<h1>Progress: Amara Khan</h1>").contains("Sign out");
            for (String measure : new String[] {"phq9", "sdq-s", "sdq-p", "gbo", "sdq"}) {
                assertThat(html).contains("data-measure=\"" + measure + "\"");
            }
            assertThat(html).contains("chart chart-informants").contains("Young person (SDQ-S)").contains("Parent (SDQ-P)")
                    .contains("Reliable improvement").contains("Clinical range ≥ 10 (rules [V])")
                    .contains("&lt;b&gt;Sleep&lt;/b&gt; better").doesNotContain("<b>Sleep");
            assertThat(site.audit()).contains("clinician progress.viewed patient/p1/progress/all");
            Files.writeString(Path.of("target", "clinician-progress.html"), html);

            Exchange one = get(page, s, Map.of("measure", "sdq-p"), "");
            assertThat(one.body()).contains("data-scale=\"emotional\"").contains("data-scale=\"prosocial\"")
                    .contains("chart chart-informants").doesNotContain("data-measure=\"phq9\"")
                    .contains("aria-current=\"page\">SDQ-P<");
            assertThat(site.audit()).contains("clinician progress.viewed patient/p1/progress/sdq-p");

            assertThat(get(page, s, Map.of("measure", "<script>"), "").status()).isEqualTo(404);
            assertThat(get(page, s, Map.of(), "/x").status()).isEqualTo(404);
            assertThat(site.audit()).noneMatch(r -> r.contains("script"));
        }
    }

    @Test
    void aYoungPersonWithNothingYetGetsASentenceNotAnEmptyChart() throws Exception {
        try (YoungPersonSite site = new YoungPersonSite(dir)) {
            ProgressPatientPage page = new ProgressPatientPage(site.store, YoungPersonSite.SCORING, YoungPersonSite.FHIR);
            WebSession s = site.sessions.startClinician(SAM, Exchange.of("POST", "/signin", null, Map.of(), Map.of()).req,
                    Exchange.of("POST", "/signin", null, Map.of(), Map.of()).resp);
            Exchange x = get(page, s, Map.of(), "");
            assertThat(x.body()).contains("id=\"no-progress\"").doesNotContain("<figure");
        }
    }

    private static String sdq(String id, String measure, String authored, int position) throws Exception {
        Object[] a = new Object[50];
        for (int k = 0; k < 25; k++) {
            a[2 * k] = "q" + (k + 1);
            a[2 * k + 1] = position;
        }
        return QrJson.of(id, "p1", measure, authored, a);
    }
}
