package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The pages as clinicians and young people use them, in a real headless Chromium against the built distribution
 * (the DOM hooks are listed in bundles/web/README.md). Screenshots of every page land in
 * {@code bundles/itest/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
    private static final Pattern FORM_PATH =
            Pattern.compile("/openrom/patients/([^/]+)/episodes/([^/]+)/measures/([^/?#]+)");
    /** YP-CORE items scored in reverse (MEASURES.md): a high position on them is good. */
    private static final int[] YPCORE_REVERSED = {3, 5, 10};

    private Path data;
    private Site site;
    private String base;

    @BeforeAll
    void startSite() throws Exception {
        data = Files.createTempDirectory("openrom-browser");
        int port = Site.freePort();
        site = Site.start("site", "--port", Integer.toString(port), "--data", data.toString());
        assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
        base = "http://127.0.0.1:" + port + "/openrom/";
    }

    @AfterAll
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void clinicianRecordsPhq9AndYpCoreOverThreeSessionsAndSeesScoresChangeAndReliableChange() throws Exception {
        try (Browser b = new Browser()) {
            b.open(base);
            b.await("#username");
            b.screenshot("01-signin");
            b.signIn(base, "clinician", "openrom-demo");
            b.await("a.patient");
            b.screenshot("02-caseload");
            Case c = openPatient(b, 0);
            b.screenshot("03-patient");

            int[][] phq9 = {{3, 3, 3, 3, 3, 3, 3, 3, 0}, {2, 2, 2, 2, 2, 2, 2, 2, 0}, {0, 0, 0, 0, 0, 0, 0, 0, 0}};
            int[] totals = {24, 16, 0};
            for (int session = 0; session < 3; session++) {
                b.open(c.form("phq9"));
                b.await("#submit");
                if (session == 0) {
                    b.screenshot("04-form-phq9");
                }
                answer(b, phq9[session]);
                b.submit();
                b.await("#feedback");
                assertThat(b.has("#saved")).as(b.pageText()).isTrue();
                assertThat(b.text("#scores")).contains(Integer.toString(totals[session]));
                assertThat(b.has("#risk-banner")).as("no risk answer, no banner").isFalse();
            }
            b.screenshot("05-feedback-phq9-third");
            assertThat(b.text("#change")).contains("24").contains("16");
            assertThat(b.text("#reliable-change")).containsIgnoringCase("reliable improvement");

            for (int session = 0; session < 3; session++) {
                b.open(c.form("ypcore"));
                b.await("#submit");
                answer(b, ypcore(session == 0 ? 4 : session == 1 ? 2 : 0));
                b.submit();
                b.await("#feedback");
                assertThat(b.has("#saved")).isTrue();
            }
            b.screenshot("06-feedback-ypcore-third");
            assertThat(b.text("#scores")).containsPattern("Total 0(\\.0)?\\b");
            // Highest distress scores 36 (item 4, the risk item, left at 0), the middle one 18 (reversed items 3, 5, 10).
            assertThat(b.text("#change")).containsPattern("Total 36(\\.0)? 0(\\.0)? -36(\\.0)?\\b")
                    .containsPattern("Total 18(\\.0)? 0(\\.0)? -18(\\.0)?\\b");
            // YP-CORE's reliable-change thresholds depend on age and sex and are not in its rules yet (MEASURES.md:
            // "values not recovered"): the verdict is "cannot be computed", with the reason, never a guess.
            assertThat(b.text("#reliable-change")).containsIgnoringCase("cannot be computed")
                    .contains("no reliable-change threshold");

            b.open(base + "patients/" + c.patient + "/progress");
            b.await("figure.chart[data-measure='phq9']");
            assertThat(b.has("figure.chart[data-measure='ypcore']")).isTrue();
            assertThat(b.find("figure.chart[data-measure='phq9'] svg").getAttribute("role")).isEqualTo("img");
            assertThat(b.has("figure.chart[data-measure='phq9'] table.chart-data")).isTrue();
            b.screenshot("07-progress-clinician");
        }
        assertThat(count("SELECT count(*) FROM response WHERE measure_id IN ('phq9','ypcore')")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void phq9Item9AnswerShowsARiskBannerTheClinicianAcknowledges() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(base, "clinician", "openrom-demo");
            b.await("a.patient");
            Case c = openPatient(b, 1);
            b.open(c.form("phq9"));
            b.await("#submit");
            answer(b, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 2});
            b.submit();
            WebElement banner = b.await("#risk-banner");
            assertThat(banner.getAttribute("role")).isEqualTo("alert");
            assertThat(banner.isDisplayed()).isTrue();
            assertThat(banner.getText()).contains("9");
            b.screenshot("08-risk-banner");
            String responseId = responseIdFromPage(b);
            b.find("#ack-risk-submit").click();
            b.await("#risk-banner");
            assertThat(b.text("#risk-banner")).containsIgnoringCase("acknowledged");
            b.screenshot("09-risk-acknowledged");
            assertThat(count("SELECT count(*) FROM audit WHERE action = 'acknowledge-risk' AND object = 'response/"
                    + responseId + "'")).isEqualTo(1);
        }
    }

    @Test
    void handOverModeShowsOnlyTheQuestionnaireAndCannotGetBackToTheCaseload() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(base, "clinician", "openrom-demo");
            b.await("a.patient");
            Case c = openPatient(b, 2);
            b.find("form.handover[data-measure='ypcore'] [type=submit]").click();
            b.await("#submit");
            assertThat(b.url()).contains("/measures/ypcore");
            assertThat(b.has("a.patient")).isFalse();
            assertThat(b.pageText()).doesNotContain("Caseload");
            b.screenshot("10-handover-form");
            answer(b, ypcore(1));
            b.submit();
            b.await("main");
            assertThat(b.url()).contains("/handover/done");
            b.screenshot("11-handover-thank-you");

            for (String path : new String[] {"caseload", "patients/" + c.patient, "patients/" + c.patient + "/progress"}) {
                b.open(base + path);
                b.await("#username");
                assertThat(b.has("a.patient")).as(path).isFalse();
            }
            b.driver.navigate().back();
            b.driver.navigate().back();
            b.driver.navigate().refresh();
            assertThat(b.has("a.patient")).isFalse();
        }
    }

    @Test
    void aYoungPersonLinkShowsOnlyTheirOwnProgressAndAnythingElseIsNotFound() throws Exception {
        String link;
        String code;
        Case c;
        try (Browser clinician = new Browser()) {
            clinician.signIn(base, "clinician", "openrom-demo");
            clinician.await("a.patient");
            c = openPatient(clinician, 3);
            clinician.open(c.form("gbo"));
            clinician.await("#submit");
            clinician.type("goal-1-text", "Go back to football");
            clinician.type("goal-1", "3");
            clinician.submit();
            clinician.await("#feedback");
            clinician.open(base + "patients/" + c.patient);
            clinician.await("form[action$='/links'] [type=submit]").click();
            link = clinician.await("#yp-link").getText().trim();
            code = clinician.text("#kiosk-code").trim();
            clinician.screenshot("12-young-person-link-issued");
        }
        assertThat(link).contains("/openrom/yp/");
        try (Browser yp = new Browser()) {
            yp.open(link);
            yp.await("figure.chart");
            assertThat(yp.pageText()).contains("Go back to football");
            assertThat(yp.has("a.patient")).isFalse();
            assertThat(yp.has("a[href*='/caseload']")).isFalse();
            yp.screenshot("13-young-person-progress");

            String token = link.substring(link.lastIndexOf('/') + 1);
            String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            for (String url : new String[] {base + "yp/" + forged, base + "yp/" + "x".repeat(token.length())}) {
                yp.open(url);
                assertThat(yp.pageText()).as(url).containsIgnoringCase("not found");
                assertThat(yp.has("figure.chart")).as(url).isFalse();
            }
            yp.screenshot("14-young-person-not-found");
            // From the young person's page, the clinician's pages of the same young person ask for a sign-in.
            for (String path : new String[] {"patients/" + c.patient, "patients/" + c.patient + "/progress", "caseload"}) {
                yp.open(base + path);
                yp.await("#username");
                assertThat(yp.has("figure.chart")).as(path).isFalse();
            }
            assertThat(get(base + "yp/" + forged)).isEqualTo(404);
            assertThat(get(base + "patients/" + c.patient)).as("no session, no data").isIn(302, 303, 401, 404);
        }
        try (Browser kiosk = new Browser()) {
            kiosk.open(base + "kiosk");
            kiosk.type("code", code);
            kiosk.submit();
            kiosk.await("figure.chart");
            kiosk.screenshot("15-kiosk-progress");
        }
        try (Browser again = new Browser()) {
            again.open(base + "kiosk");
            again.type("code", code);
            again.submit();
            again.await("main");
            assertThat(again.pageText()).as("a kiosk code is used once").containsIgnoringCase("not found");
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndNothingIsSaved() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(base, "clinician", "openrom-demo");
            b.await("a.patient");
            Case c = openPatient(b, 4);
            b.open(c.form("phq9"));
            b.await("#submit");
            String responseId = b.find("input[name='responseId']").getAttribute("value");
            answer(b, new int[] {1, 0, 1, 0, 1, 0, 1, 0, 0});
            b.driver.executeScript("document.querySelectorAll(\"input[name='csrf']\").forEach(e => e.remove());");
            b.submit();
            b.await("main");
            assertThat(b.has("#feedback")).isFalse();
            b.screenshot("16-csrf-refused");
            assertThat(count("SELECT count(*) FROM response WHERE response_id = '" + responseId + "'")).isZero();

            Cookie session = b.driver.manage().getCookieNamed("OPENROM_SESSION");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            int refused = postWithoutCsrf(base + "patients/" + c.patient + "/links", "OPENROM_SESSION=" + session.getValue());
            assertThat(refused).isEqualTo(403);
        }
    }

    @Test
    void aGoalWordedAsAScriptIsShownAsTextAndNeverRun() throws Exception {
        String goal = "<script>document.title='pwned';window.openromXss=1</script>Sleep better";
        try (Browser b = new Browser()) {
            b.signIn(base, "clinician", "openrom-demo");
            b.await("a.patient");
            Case c = openPatient(b, 5);
            b.open(c.form("gbo"));
            b.await("#submit");
            b.type("goal-1-text", goal);
            b.type("goal-1", "2");
            b.submit();
            b.await("#feedback");
            b.open(base + "patients/" + c.patient + "/progress?measure=gbo");
            b.await("figure.chart[data-measure='gbo']");
            assertThat(b.pageText()).contains(goal);
            assertThat(b.driver.getTitle()).isNotEqualTo("pwned");
            assertThat(b.driver.executeScript("return typeof window.openromXss")).isEqualTo("undefined");
            b.screenshot("17-goal-as-text");
        }
    }

    // ---- helpers

    private record Case(String base, String patient, String episode) {
        String form(String measure) {
            return base + "patients/" + patient + "/episodes/" + episode + "/measures/" + measure;
        }
    }

    /**
     * Opens the young person at position {@code index} of the caseload. Each test has its own young person, so
     * that the tests share one running site without seeing each other's responses.
     */
    private Case openPatient(Browser b, int index) {
        java.util.List<WebElement> patients = b.driver.findElements(org.openqa.selenium.By.cssSelector("a.patient"));
        assertThat(patients).hasSizeGreaterThan(index);
        String href = patients.get(index).getAttribute("href");
        b.open(href);
        WebElement fillIn = b.await("a.fill-in");
        Matcher m = FORM_PATH.matcher(fillIn.getAttribute("href"));
        assertThat(m.find()).as(fillIn.getAttribute("href")).isTrue();
        return new Case(base, m.group(1), m.group(2));
    }

    private static void answer(Browser b, int[] positions) {
        for (int i = 0; i < positions.length; i++) {
            b.choose("q" + (i + 1), positions[i]);
        }
    }

    /** YP-CORE answers at one level of distress (0 none … 4 most), item 4 (risk) always 0. */
    private static int[] ypcore(int distress) {
        int[] answers = new int[10];
        for (int i = 0; i < 10; i++) {
            int item = i + 1;
            boolean reversed = java.util.Arrays.stream(YPCORE_REVERSED).anyMatch(r -> r == item);
            answers[i] = item == 4 ? 0 : reversed ? 4 - distress : distress;
        }
        return answers;
    }

    private static String responseIdFromPage(Browser b) {
        String action = b.find("#ack-risk").getAttribute("action");
        Matcher m = Pattern.compile("/responses/([^/]+)/acknowledge").matcher(action);
        assertThat(m.find()).as(action).isTrue();
        return m.group(1);
    }

    private long count(String sql) throws Exception {
        String url = "jdbc:sqlite:file:" + data.resolve("openrom.db") + "?mode=ro";
        try (Connection db = DriverManager.getConnection(url);
                PreparedStatement st = db.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The status of a GET, no redirects followed. */
    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status of a form POST that carries a session cookie but no CSRF token (no redirects followed). */
    private static int postWithoutCsrf(String url, String cookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("measure=phq9")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
