package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openrom.api.fhir.Issue;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.store.StoredResponse;
import org.openrom.web.internal.ApiException;
import org.openrom.web.internal.ResponseIntake;
import org.openrom.web.internal.page.Layout;
import org.openrom.web.internal.page.Message;
import org.openrom.web.internal.page.Pages;
import org.openrom.web.internal.page.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The questionnaire form: shown with a new response id; posted to the same URL; built into a FHIR
 * QuestionnaireResponse and handed to the same intake as the JSON API (check, score, one store transaction). The
 * feedback is rendered in the same request, after the commit. A problem re-renders the form with every answer kept.
 */
final class FormFlow {
    private static final Logger LOG = LoggerFactory.getLogger(FormFlow.class);
    /** FHIR dateTime with seconds, always. */
    private static final DateTimeFormatter AUTHORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The form's target: a young person's episode and a measure, all checked. */
    record Target(Patient patient, String episodeId, MeasureInfo measure, Questionnaire questionnaire) {
        String path() {
            return "/patients/" + patient.id() + "/episodes/" + episodeId + "/measures/" + measure.id();
        }
    }

    private final Clinic clinic;
    private final ResponseBuilder builder = new ResponseBuilder();

    FormFlow(Clinic clinic) {
        this.clinic = clinic;
    }

    void show(WebSession s, Target t, HttpServletResponse resp) throws IOException {
        clinic.store.audit(s.clinician().id(), "form.opened", "patient/" + t.patient().id() + "/measure/" + t.measure().id());
        render(s, t, UUID.randomUUID().toString(), Map.of(), Map.of(), List.of(), 200, resp);
    }

    void submit(WebSession s, Target t, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String responseId = ClinicianServlet.param(req, "responseId");
        if (!UUID_TEXT.matcher(responseId).matches()) {
            clinic.pages.message(resp, 400, new Message(Layout.of("Form expired", s), "This form has expired",
                    "Nothing was saved: the form has no valid response id. Open the form again.", t.path(), "Open the form"));
            return;
        }
        Map<String, String> values = values(t.questionnaire(), req);
        String authored = authored(s, responseId);
        ResponseBuilder.Built built = builder.build(t.questionnaire(), values, responseId, t.patient().id(), authored);
        if (!built.problems().isEmpty()) {
            render(s, t, responseId, values, built.problems(), List.of(), 422, resp);
            return;
        }
        ResponseIntake.Result result;
        try {
            result = clinic.intake.submit(s.clinician(), built.json());
        } catch (ApiException refused) {
            refused(s, t, responseId, values, refused, resp);
            return;
        } catch (UncheckedIOException e) {
            LOG.warn("saving a response from the form failed: {}", e.getClass().getSimpleName());
            render(s, t, responseId, values, Map.of(), List.of("Not saved: the site's store could not be written."
                    + " Your answers are still here: send them again (they are never stored twice)."), 503, resp);
            return;
        }
        if (s.isHandover()) {
            s.submitted(responseId);
            Pages.redirect(resp, "/handover/done");
            return;
        }
        feedback(s, t.patient(), t.measure(), t.questionnaire(), responseId, !result.stored(), result.body(), resp);
    }

    /** {@code GET /responses/{rid}}: the feedback of a stored response again (e.g. after acknowledging its risk). */
    void showStored(WebSession s, StoredResponse row, Patient patient, HttpServletResponse resp) throws IOException {
        MeasureInfo m = clinic.measure(row.measureId()).orElseThrow();
        Questionnaire q = clinic.questionnaires.find(row.measureId()).orElseThrow();
        JsonNode body = clinic.intake.stored(s.clinician(), row);
        clinic.store.audit(s.clinician().id(), "response.viewed", "response/" + row.responseId());
        feedback(s, patient, m, q, row.responseId(), false, body, resp);
    }

    private void feedback(WebSession s, Patient patient, MeasureInfo m, Questionnaire q, String responseId,
            boolean repeat, JsonNode body, HttpServletResponse resp) throws IOException {
        RiskBanner risk = clinic.feedback.banner(q, clinic.texts(m), m.licensedText(), responseId,
                Instant.parse(body.path("authored").asText()), body.path("alerts"),
                clinic.acks.find(responseId).orElse(null), s.csrf(), "/responses/" + responseId);
        FeedbackPage page = clinic.feedback.page(Layout.of(q.title() + " feedback", s), q, patient.displayName(),
                "/patients/" + patient.id(), repeat, body, risk);
        clinic.pages.render(resp, 200, "clinician/feedback.jte", page);
    }

    private void refused(WebSession s, Target t, String responseId, Map<String, String> values, ApiException e,
            HttpServletResponse resp) throws IOException {
        if (e.status() == 409) {
            clinic.pages.message(resp, 409, new Message(Layout.of("Already saved", s), "Already saved",
                    "This form was saved before with other answers; the saved answers are kept. Open the form again"
                            + " to record a new response.", t.path(), "Open the form again"));
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (Issue i : e.issues()) {
            if (i.linkId() != null && ResponseBuilder.find(t.questionnaire().questions(), i.linkId()) != null) {
                errors.merge(i.linkId(), i.message(), (a, b) -> a + " " + b);
            } else {
                problems.add(i.message());
            }
        }
        render(s, t, responseId, values, errors, problems, 422, resp);
    }

    private void render(WebSession s, Target t, String responseId, Map<String, String> values,
            Map<String, String> errors, List<String> problems, int status, HttpServletResponse resp) throws IOException {
        MeasureInfo m = t.measure();
        Map<String, String> texts = clinic.texts(m);
        FormPage page = new FormPage(Layout.of(t.questionnaire().title(), s), t.questionnaire().title(),
                s.isHandover() ? t.patient().givenName() : t.patient().displayName(), Pages.ROOT + t.path(), s.csrf(),
                responseId, FormFields.of(t.questionnaire(), texts, m.licensedText(), values, errors),
                List.copyOf(problems), m.licensedText() && texts.isEmpty(), t.questionnaire().copyright(), s.isHandover());
        clinic.pages.render(resp, status, "clinician/form.jte", page);
    }

    /** The posted answers by linkId (only the Questionnaire's items; each at most 10,000 characters). */
    private static Map<String, String> values(Questionnaire q, HttpServletRequest req) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : req.getParameterMap().keySet()) {
            if (ResponseBuilder.find(q.questions(), name) != null) {
                String v = req.getParameter(name);
                values.put(name, v == null ? "" : v.length() > ResponseBuilder.MAX_FIELD
                        ? v.substring(0, ResponseBuilder.MAX_FIELD) : v);
            }
        }
        return values;
    }

    /**
     * When the answers were given: the stored response's time for a repeat (so the same form sent twice is the same
     * resource and is stored once), else the first submission's time in this session.
     */
    private String authored(WebSession s, String responseId) {
        return clinic.store.find(responseId).map(r -> ResponseIntake.tree(r.fhirJson()).path("authored").asText())
                .filter(a -> !a.isEmpty())
                .orElseGet(() -> s.stamp(responseId, () -> AUTHORED.format(OffsetDateTime.now(clinic.clock))));
    }
}
