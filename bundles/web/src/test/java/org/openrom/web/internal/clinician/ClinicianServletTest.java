package org.openrom.web.internal.clinician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.web.internal.clinician.ClinicSite.ALEX;
import static org.openrom.web.internal.clinician.ClinicSite.FORM;
import static org.openrom.web.internal.clinician.ClinicSite.SAM;
import static org.openrom.web.internal.clinician.ClinicSite.answers;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.web.internal.page.Exchange;
import org.openrom.web.internal.page.WebSessions;

class ClinicianServletTest {
    @TempDir
    Path dir;

    private ClinicSite site;
    private String sam;

    @BeforeEach
    void open() throws Exception {
        site = new ClinicSite(dir);
        sam = site.signIn(SAM);
    }

    @AfterEach
    void close() {
        site.close();
    }

    private Exchange submit(String cookie, String measure, Map<String, String> fields) throws Exception {
        return site.send("POST", cookie, FORM + measure, fields);
    }

    private int stored() throws Exception {
        return Integer.parseInt(site.sql("SELECT count(*) FROM response").get(0));
    }

    @Test
    void withoutASessionEveryPageSendsToSignIn() throws Exception {
        Exchange x = site.get(null, "/caseload");
        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).isEqualTo("/openrom/signin");
    }

    @Test
    void theCaseloadLinksOnlyTheClinicianOwnYoungPeopleAndAuditsTheView() throws Exception {
        Exchange x = site.get(sam, "/caseload");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("<a class=\"patient\" href=\"/openrom/patients/p1\">Amara Khan</a>")
                .doesNotContain("p2").doesNotContain("Ben Jones");
        assertThat(site.sql("SELECT object FROM audit WHERE action = 'patient.listed'")).containsExactly("patient/p1");
    }

    @Test
    void anotherClinicianYoungPersonIs404LikeAnUnknownIdSoIdsCannotBeProbed() throws Exception {
        Exchange other = site.get(sam, "/patients/p2");
        Exchange unknown = site.get(sam, "/patients/nobody");
        Exchange otherForm = site.get(sam, "/patients/p2/episodes/p2-e1/measures/phq9");
        assertThat(other.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(otherForm.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(unknown.body()).doesNotContain("Ben");
        // Control: Alex sees p2.
        assertThat(site.get(site.signIn(ALEX), "/patients/p2").status()).isEqualTo(200);
    }

    @Test
    void theYoungPersonPageShowsTheMeasuresDueWithHooksAndRecordsTheCase() throws Exception {
        Exchange x = site.get(sam, "/patients/p1");
        assertThat(x.status()).isEqualTo(200);
        String due = x.body().substring(x.body().indexOf("id=\"measures-due\""), x.body().indexOf("id=\"other-measures\""));
        assertThat(due).contains("data-measure=\"ypcore\"", "data-measure=\"gbo\"", "data-measure=\"srs\"",
                "data-measure=\"rcads-c\"", "data-measure=\"sdq-s\"", "data-measure=\"phq9\"", "data-measure=\"gad7\"");
        assertThat(x.body()).contains("<a class=\"fill-in button\" data-measure=\"phq9\" href=\"/openrom" + FORM + "phq9\">")
                .contains("<form method=\"post\" action=\"/openrom/patients/p1/handover\" class=\"handover\" data-measure=\"phq9\">")
                .contains("<option value=\"assessment\" selected>");
        Exchange ongoing = site.send("GET", sam, "/patients/p1", Map.of("session", "ongoing"));
        assertThat(ongoing.status()).isEqualTo(200);
        assertThat(ongoing.body()).contains("<option value=\"ongoing\" selected>");
        String ongoingDue = ongoing.body().substring(ongoing.body().indexOf("id=\"measures-due\""),
                ongoing.body().indexOf("id=\"other-measures\""));
        assertThat(ongoingDue).contains("data-measure=\"phq9\"").doesNotContain("data-measure=\"rcads-c\"");
        assertThat(site.sql("SELECT patient_id FROM patient")).containsExactly("p1");
        assertThat(site.sql("SELECT object FROM audit WHERE action = 'patient.viewed'")).contains("patient/p1");
    }

    @Test
    void theFormCarriesTheTokenANewResponseIdAndRadioValuesFromZero() throws Exception {
        Exchange x = site.get(sam, FORM + "phq9");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.csrfField()).isNotBlank();
        assertThat(x.body()).containsPattern("name=\"responseId\" value=\"[0-9a-f-]{36}\"")
                .contains("<input type=\"radio\" id=\"q1-0\" name=\"q1\" value=\"0\">")
                .contains("<input type=\"radio\" id=\"q9-3\" name=\"q9\" value=\"3\">")
                .contains("Little interest or pleasure in doing things")
                .contains("<button type=\"submit\" id=\"submit\">");
    }

    @Test
    void aLicensedMeasureWithoutAContentPackShowsItemIdsAndSaysSo() throws Exception {
        Exchange x = site.get(sam, FORM + "sdq-s");
        assertThat(x.body()).contains("id=\"content-pack-missing\"").contains("<legend>q7")
                .doesNotContain("text from licensed content pack");
    }

    @Test
    void submittingSavesOnceAndShowsScoresChangeVerdictAndTheRiskBannerInTheSameResponse() throws Exception {
        Exchange first = submit(sam, "phq9", site.formFields(sam, "phq9", answers(3, 3, 2, 2, 2, 2, 2, 2, 0)));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("<section id=\"feedback\"", "id=\"scores\"", "id=\"saved\"", "id=\"change\"")
                .contains("<td class=\"num\">18</td>").contains("phq9-severity")
                .contains("Reliable change cannot be computed yet").doesNotContain("id=\"risk-banner\"");
        site.clock.advance(java.time.Duration.ofDays(14));
        sam = site.signIn(SAM);
        Exchange second = submit(sam, "phq9", site.formFields(sam, "phq9", answers(1, 1, 1, 1, 1, 1, 1, 1, 2)));
        assertThat(second.status()).isEqualTo(200);
        String html = second.body();
        assertThat(html).contains("<td class=\"num\">10</td>")
                .contains("Total: Reliable improvement").contains("id=\"change-since-first\"")
                .contains("<div id=\"risk-banner\" role=\"alert\"").contains("Item q9")
                .contains("id=\"ack-risk\"").contains("id=\"ack-risk-submit\"");
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIs403AndSavesNothing() throws Exception {
        Map<String, String> fields = site.formFields(sam, "phq9", answers(0, 0, 0, 0, 0, 0, 0, 0, 0));
        Map<String, String> missing = new LinkedHashMap<>(fields);
        missing.remove("csrf");
        Map<String, String> wrong = new LinkedHashMap<>(fields);
        wrong.put("csrf", "A" + fields.get("csrf").substring(1).replace('A', 'B'));
        assertThat(submit(sam, "phq9", missing).status()).isEqualTo(403);
        assertThat(submit(sam, "phq9", wrong).status()).isEqualTo(403);
        assertThat(stored()).isZero();
        // Control: the same post with the token is saved.
        assertThat(submit(sam, "phq9", fields).status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void theSameFormSentTwiceIsStoredOnceAndShowsTheSameFeedback() throws Exception {
        Map<String, String> fields = site.formFields(sam, "phq9", answers(1, 2, 1, 0, 0, 1, 0, 0, 0));
        Exchange once = submit(sam, "phq9", fields);
        site.clock.advance(java.time.Duration.ofMinutes(2));
        Exchange twice = submit(sam, "phq9", fields);
        assertThat(once.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("sent twice").contains("<td class=\"num\">5</td>");
        assertThat(stored()).isEqualTo(1);
        // Control: a new form (new response id) with the same answers is a second response.
        submit(sam, "phq9", site.formFields(sam, "phq9", answers(1, 2, 1, 0, 0, 1, 0, 0, 0)));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aValidationErrorReRendersTheFormWithEveryAnswerKeptAndTheMessageNextToTheItem() throws Exception {
        Map<String, String> fields = site.formFields(sam, "phq9", answers(2, 1, 0, 3, 1, 0, 2, 1));
        Exchange x = submit(sam, "phq9", fields);
        assertThat(x.status()).isEqualTo(422);
        assertThat(x.body()).contains("id=\"error-summary\"").contains("<p class=\"error\" id=\"error-q9\">")
                .contains("aria-describedby=\"error-q9\"")
                .contains("<input type=\"radio\" id=\"q1-2\" name=\"q1\" value=\"2\" checked>")
                .contains("<input type=\"radio\" id=\"q4-3\" name=\"q4\" value=\"3\" checked>")
                .contains("value=\"" + fields.get("responseId") + "\"");
        assertThat(stored()).isZero();
    }

    @Test
    void aGoalWordedAsAScriptIsShownAsText() throws Exception {
        Map<String, String> goals = new LinkedHashMap<>();
        goals.put("goal-1-text", "<script>alert(1)</script>");
        goals.put("goal-1", "not a number");
        Exchange x = submit(sam, "gbo", site.formFields(sam, "gbo", goals));
        assertThat(x.status()).isEqualTo(422);
        assertThat(x.body()).doesNotContain("<script>alert(1)</script>")
                .contains("value=\"&lt;script>alert(1)&lt;/script>\"").contains("id=\"error-goal-1\"");
        assertThat(stored()).isZero();
    }

    @Test
    void aScoreThatCannotBeComputedShowsMissingWithItsReasonNeverZero() throws Exception {
        Exchange x = submit(sam, "ypcore", site.formFields(sam, "ypcore", answers(1, 1)));
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("<td class=\"missing\">Missing: ").contains("2 of 10").doesNotContain("<td class=\"num\">0");
    }

    @Test
    void acknowledgingARiskIsAuditedAndTheBannerThenSaysWhoAndWhen() throws Exception {
        Map<String, String> fields = site.formFields(sam, "phq9", answers(0, 0, 0, 0, 0, 0, 0, 0, 1));
        submit(sam, "phq9", fields);
        String rid = fields.get("responseId");
        Exchange patient = site.get(sam, "/patients/p1");
        assertThat(patient.body()).contains("id=\"risk-banner\"").contains("id=\"ack-risk\"");
        Exchange ack = site.send("POST", sam, "/responses/" + rid + "/acknowledge",
                Map.of("csrf", fields.get("csrf"), "return", "/patients/p1"));
        assertThat(ack.status()).isEqualTo(303);
        assertThat(ack.header("Location")).isEqualTo("/openrom/patients/p1");
        assertThat(site.sql("SELECT actor || ' ' || object FROM audit WHERE action = 'acknowledge-risk'"))
                .containsExactly("clinician response/" + rid);
        Exchange again = site.get(sam, "/responses/" + rid);
        assertThat(again.body()).contains("id=\"risk-banner\"").contains("Acknowledged by Dr Sam Demo on 2 Mar 2026, 10:00")
                .doesNotContain("id=\"ack-risk\"");
        // Alex cannot acknowledge or see Sam's young person's response.
        String alex = site.signIn(ALEX);
        assertThat(site.get(alex, "/responses/" + rid).status()).isEqualTo(404);
    }

    @Test
    void aHandOverSessionReachesOnlyItsQuestionnaireThenTheThankYouPage() throws Exception {
        Exchange page = site.get(sam, "/patients/p1");
        Exchange start = site.send("POST", sam, "/patients/p1/handover",
                Map.of("csrf", page.csrfField(), "measure", "phq9", "episode", "p1-e1"));
        assertThat(start.status()).isEqualTo(303);
        assertThat(start.header("Location")).isEqualTo("/openrom" + FORM + "phq9");
        String handover = start.cookie(WebSessions.COOKIE);
        assertThat(handover).isNotEqualTo(sam);
        assertThat(site.get(sam, "/caseload").header("Location")).as("the clinician session ended").isEqualTo("/openrom/signin");
        for (String elsewhere : new String[] {"/caseload", "/patients/p1", "/patients/p2", FORM + "gad7"}) {
            Exchange x = site.get(handover, elsewhere);
            assertThat(x.status()).as(elsewhere).isEqualTo(303);
            assertThat(x.header("Location")).as(elsewhere).isEqualTo("/openrom/signin");
        }
        Exchange form = site.get(handover, FORM + "phq9");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("For Amara.").doesNotContain("Khan").doesNotContain("Sign out");
        Map<String, String> fields = site.formFields(handover, "phq9", answers(1, 1, 1, 1, 1, 1, 1, 1, 0));
        Exchange sent = submit(handover, "phq9", fields);
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.header("Location")).isEqualTo("/openrom/handover/done");
        Exchange done = site.get(handover, "/handover/done");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Thank you, Amara").contains("id=\"saved\"")
                .containsPattern("<figure class=\"chart[^\"]*\"[^>]*data-measure=\"phq9\"").contains("<table class=\"chart-data")
                .doesNotContain("Khan");
        assertThat(site.get(handover, FORM + "phq9").header("Location")).isEqualTo("/openrom/handover/done");
        assertThat(site.get(handover, "/caseload").header("Location")).isEqualTo("/openrom/signin");
        assertThat(stored()).isEqualTo(1);
    }
}
