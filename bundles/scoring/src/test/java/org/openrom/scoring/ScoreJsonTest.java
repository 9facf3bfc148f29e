package org.openrom.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.scoring.internal.RulesScoringService;
import org.osgi.util.converter.Converters;

class ScoreJsonTest {
    static final ScoringService SCORING = new RulesScoringService(
            Converters.standardConverter().convert(Map.of("contentPackDir", "")).to(RulesScoringService.Config.class));

    @Test
    void readsTheSimpleRequestFormAndWritesTheStableShape() {
        ScoringRequest r = ScoreJson.readRequest("{\"measure\":\"phq9\",\"answers\":{\"q1\":3,\"q2\":\"LA6570-1\","
                + "\"q3\":1,\"q4\":0,\"q5\":0,\"q6\":0,\"q7\":0,\"q8\":0,\"q9\":1},\"age\":16,\"sex\":\"female\"}");
        assertThat(r.sex()).isEqualTo(Sex.FEMALE);
        ScoreSet s = SCORING.score(r);
        assertThat(ScoreJson.toJson(s)).isEqualTo("{\"measure\":\"phq9\",\"rulesVersion\":\"1.0.0\",\"age\":16,"
                + "\"sex\":\"female\",\"scales\":{\"total\":{\"value\":7,\"answered\":9,\"items\":9,\"prorated\":false,"
                + "\"bands\":[{\"scheme\":\"phq9-severity\",\"label\":\"mild\",\"min\":5,\"max\":9,\"source\":\"V\"}]}},"
                + "\"items\":{\"q1\":3,\"q2\":2,\"q3\":1,\"q4\":0,\"q5\":0,\"q6\":0,\"q7\":0,\"q8\":0,\"q9\":1},"
                + "\"alerts\":[{\"kind\":\"RISK\",\"code\":\"phq9-item9\",\"linkId\":\"q9\",\"value\":1,\"message\":"
                + "\"PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered above 'Not at all': "
                + "review risk today.\",\"source\":\"V\"}]}");
    }

    @Test
    void writesMissingScalesWithTheirReasonAndChangesWithVerdicts() {
        ScoreSet first = SCORING.score(ScoreJson.readRequest("{\"measure\":\"gad7\",\"answers\":{\"q1\":3}}"));
        assertThat(ScoreJson.toJson(first)).contains("\"total\":{\"value\":null,\"missing\":{\"reason\":"
                + "\"TOO_FEW_ANSWERS\",\"detail\":\"total: 1 of 7 items answered, 7 needed\"},\"answered\":1");
        ScoreSet a = SCORING.score(ScoreJson.readRequest(
                "{\"measure\":\"gad7\",\"answers\":{\"q1\":3,\"q2\":3,\"q3\":3,\"q4\":1,\"q5\":0,\"q6\":0,\"q7\":0}}"));
        ScoreSet b = SCORING.score(ScoreJson.readRequest(
                "{\"measure\":\"gad7\",\"answers\":{\"q1\":1,\"q2\":1,\"q3\":1,\"q4\":0,\"q5\":0,\"q6\":0,\"q7\":0}}"));
        assertThat(ScoreJson.toJson(SCORING.change(a, b))).isEqualTo("{\"measure\":\"gad7\",\"headlineScale\":\"total\","
                + "\"scales\":{\"total\":{\"first\":10,\"last\":3,\"difference\":-7,\"threshold\":4,\"thresholdSource\":"
                + "\"V\",\"verdict\":\"RELIABLE_IMPROVEMENT\",\"crossing\":\"LEFT_CLINICAL_RANGE\",\"recovery\":true,"
                + "\"reliableRecovery\":true}}}");
    }

    @Test
    void rejectsBadRequestsNamingTheField() {
        assertThatThrownBy(() -> ScoreJson.readRequest("{\"measure\":\"phq9\",\"answers\":[1]}"))
                .hasMessage("request.answers must be an object of linkId -> value, found [1]");
        assertThatThrownBy(() -> ScoreJson.readRequest("{\"measure\":\"phq9\",\"answers\":{},\"age\":\"x\"}"))
                .hasMessage("request.age must be whole years, found \"x\"");
        assertThatThrownBy(() -> ScoreJson.readRequest("{\"measure\":\"phq9\",\"answers\":{},\"sex\":\"f\"}"))
                .hasMessage("sex must be female, male, other or unknown: f");
        assertThatThrownBy(() -> new RulesScoringService(Converters.standardConverter()
                .convert(Map.of("contentPackDir", "relative/pack")).to(RulesScoringService.Config.class)))
                .hasMessage("contentPackDir must be an absolute path: relative/pack");
    }
}
