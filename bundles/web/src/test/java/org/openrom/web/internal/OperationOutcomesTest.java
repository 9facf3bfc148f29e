package org.openrom.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrom.api.fhir.Issue;

class OperationOutcomesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesTheItemByPositionAndByLinkIdWithOurCodeAndAFhirIssueType() throws Exception {
        JsonNode submitted = JSON.readTree("{\"resourceType\":\"QuestionnaireResponse\",\"item\":["
                + "{\"linkId\":\"q1\"},{\"linkId\":\"grp\",\"item\":[{\"linkId\":\"q12\"}]}]}");
        JsonNode outcome = OperationOutcomes.of(List.of(
                Issue.error("QR-1201", "q12", "q12: no such item in phq9"),
                Issue.error("QR-1203", "q1", "q1: LA9999-9 is not an option")), submitted);
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        JsonNode first = outcome.path("issue").get(0);
        assertThat(first.path("severity").asText()).isEqualTo("error");
        assertThat(first.path("code").asText()).isEqualTo("structure");
        assertThat(first.path("diagnostics").asText()).isEqualTo("q12: no such item in phq9");
        assertThat(first.at("/details/coding/0/code").asText()).isEqualTo("QR-1201");
        assertThat(first.at("/details/coding/0/system").asText()).isEqualTo(OperationOutcomes.CODE_SYSTEM);
        assertThat(first.path("expression")).extracting(JsonNode::asText).containsExactly(
                "QuestionnaireResponse.item[1].item[0]", "QuestionnaireResponse.repeat(item).where(linkId='q12')");
        JsonNode second = outcome.path("issue").get(1);
        assertThat(second.path("code").asText()).isEqualTo("code-invalid");
        assertThat(second.path("expression").get(0).asText()).isEqualTo("QuestionnaireResponse.item[0]");
    }

    @Test
    void leavesOutExpressionsForWholeRequestProblemsAndDefaultsToInvalid() {
        JsonNode outcome = OperationOutcomes.of(List.of(Issue.error("API-1101", null, "not signed in")), null);
        assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("login");
        assertThat(outcome.at("/issue/0").has("expression")).isFalse();
        assertThat(OperationOutcomes.issueType("QR-9999")).isEqualTo("invalid");
        assertThat(OperationOutcomes.issueType("API-1001")).isEqualTo("too-costly");
    }

    @Test
    void keepsOnlyThePositionalPathWhenTheItemIsNotInTheBody() throws Exception {
        JsonNode outcome = OperationOutcomes.of(List.of(Issue.error("QR-1207", "q9", "q9 is required")),
                JSON.readTree("{\"item\":[{\"linkId\":\"q1\"}]}"));
        assertThat(outcome.at("/issue/0/expression")).extracting(JsonNode::asText)
                .containsExactly("QuestionnaireResponse.repeat(item).where(linkId='q9')");
        assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("required");
    }
}
