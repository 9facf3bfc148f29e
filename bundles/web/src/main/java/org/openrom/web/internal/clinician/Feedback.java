package org.openrom.web.internal.clinician;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.clinician.FeedbackPage.BandCell;
import org.openrom.web.internal.clinician.FeedbackPage.ChangeRow;
import org.openrom.web.internal.clinician.FeedbackPage.ScoreRow;
import org.openrom.web.internal.clinician.Questionnaire.Question;
import org.openrom.web.internal.page.Layout;

/**
 * Builds the feedback page from what the intake answered (the JSON API's body: scores, change since the first and
 * the previous response, alerts), so the page and the API always say the same thing.
 */
final class Feedback {
    private final ZoneId zone;

    Feedback(ZoneId zone) {
        this.zone = zone;
    }

    FeedbackPage page(Layout layout, Questionnaire q, String patientName, String patientPath, boolean repeat,
            JsonNode body, @Nullable RiskBanner risk) {
        JsonNode first = body.path("changeSinceFirst");
        JsonNode last = body.path("changeSincePrevious");
        JsonNode headline = headline(first);
        String reliable = headline == null
                ? "Reliable change cannot be computed yet: there is no earlier " + q.title() + " of this young person to compare with."
                : Words.scale(headline.path("scale").asText()) + ": " + Words.verdict(headline);
        String crossing = headline == null ? "Cut-off crossing needs an earlier response too." : Words.crossing(headline);
        List<String> discussion = new ArrayList<>();
        for (JsonNode a : body.path("alerts")) {
            if (a.path("kind").asText().equals("DISCUSSION")) {
                discussion.add(a.path("message").asText());
            }
        }
        return new FeedbackPage(layout, q.title(), patientName, patientPath, repeat, scores(body.path("scores")),
                changes(first), from(first), changes(last), from(last), reliable, crossing, risk, discussion);
    }

    /** The risk banner for a response's alerts (RISK and RISK_UNANSWERED); null when it has none. */
    @Nullable RiskBanner banner(Questionnaire q, Map<String, String> texts, boolean licensed, String responseId,
            Instant authored, JsonNode alerts, RiskAcknowledgements.@Nullable Ack ack, String csrf, String returnTo) {
        List<String> items = new ArrayList<>();
        for (JsonNode a : alerts) {
            String kind = a.path("kind").asText();
            if (!kind.equals("RISK") && !kind.equals("RISK_UNANSWERED")) {
                continue;
            }
            String linkId = a.path("linkId").asText("");
            Question item = linkId.isEmpty() ? null : ResponseBuilder.find(q.questions(), linkId);
            String name = item == null ? "" : "Item " + linkId + " (\u201c"
                    + (licensed ? texts.getOrDefault(linkId, linkId) : item.text()) + "\u201d)";
            String answer = a.hasNonNull("value") ? ", answer " + answerLabel(item, a.get("value")) : ", not answered";
            items.add((name.isEmpty() ? "" : name + answer + ": ") + a.path("message").asText());
        }
        if (items.isEmpty()) {
            return null;
        }
        return new RiskBanner(responseId, q.title(), Words.dateTime(authored, zone), List.copyOf(items),
                ack == null ? null : ack.displayName(), ack == null ? null : Words.dateTime(ack.at(), zone), csrf, returnTo);
    }

    private static String answerLabel(@Nullable Question item, JsonNode value) {
        String number = Words.number(value);
        if (item != null && value.canConvertToInt() && value.asInt() >= 0 && value.asInt() < item.options().size()) {
            return "\u201c" + item.options().get(value.asInt()).display() + "\u201d (" + number + ")";
        }
        return number;
    }

    private static List<ScoreRow> scores(JsonNode scores) {
        List<ScoreRow> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scores.path("scales").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            List<BandCell> bands = new ArrayList<>();
            for (JsonNode b : s.path("bands")) {
                bands.add(new BandCell(b.path("label").asText(), b.path("scheme").asText()));
            }
            boolean missing = s.path("value").isNull() || s.path("value").isMissingNode();
            rows.add(new ScoreRow(Words.scale(e.getKey()), missing ? null : Words.number(s.get("value")),
                    missing ? s.path("missing").path("detail").asText("not computed") : null,
                    s.path("prorated").asBoolean(false), List.copyOf(bands)));
        }
        return List.copyOf(rows);
    }

    private static List<ChangeRow> changes(JsonNode change) {
        List<ChangeRow> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = change.path("scales").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            rows.add(new ChangeRow(Words.scale(e.getKey()), Words.number(c.get("first")), Words.number(c.get("last")),
                    Words.number(c.get("difference")), Words.verdict(c), Words.crossing(c)));
        }
        return List.copyOf(rows);
    }

    private String from(JsonNode change) {
        return change.hasNonNull("fromAuthored") ? Words.date(Instant.parse(change.get("fromAuthored").asText()), zone) : "";
    }

    /** The headline scale's change (the first scale when the measure names none), with its id; null when none. */
    private static @Nullable JsonNode headline(JsonNode change) {
        JsonNode scales = change.path("scales");
        if (!scales.isObject() || scales.isEmpty()) {
            return null;
        }
        String id = change.path("headlineScale").asText(scales.fieldNames().next());
        JsonNode c = scales.has(id) ? scales.get(id) : scales.elements().next();
        return ((com.fasterxml.jackson.databind.node.ObjectNode) c.deepCopy()).put("scale",
                scales.has(id) ? id : scales.fieldNames().next());
    }
}
