package org.openrom.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.openrom.profiles.Profiles;

class HapiQuestionnaireResponsesTest {
    private static final String PHQ9 = Profiles.questionnaire("phq9").orElseThrow();

    @Test
    void refusesANonPositiveTimeoutNamingIt() {
        assertThatThrownBy(() -> new HapiQuestionnaireResponses(new TestConfig(0), Map::of))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readyTimeoutSeconds must be positive: 0");
    }

    @Test
    void returnsFromActivationBeforeTheContextIsBuilt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HapiQuestionnaireResponses service = new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("phq9", PHQ9);
        });
        // The constructor returned although the start-up thread is still blocked.
        release.countDown();
        assertThat(service.parse(Fixtures.phq9(new int[9])).measureId()).isEqualTo("phq9");
    }

    @Test
    void reportsAFailedStartOnEveryCall() {
        HapiQuestionnaireResponses service = new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> {
            throw new IllegalStateException("profiles unreadable");
        });
        assertThatThrownBy(() -> service.parse("{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the FHIR context failed to start")
                .hasRootCauseMessage("profiles unreadable");
        assertThatThrownBy(service::questionnaires).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leavesOutAQuestionnaireItCannotJudgeAndServesTheRest() {
        String broken = "{\"resourceType\":\"Questionnaire\",\"url\":\"http://x/Q/b\",\"version\":\"1\",\"status\":\"active\","
                + "\"item\":[{\"linkId\":\"q1\",\"type\":\"quantity\"}]}";
        HapiQuestionnaireResponses service =
                new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> Map.of("phq9", PHQ9, "broken", broken));
        assertThat(service.questionnaires()).containsExactly("http://openrom.org/fhir/Questionnaire/phq9|1.0.0");
        assertThat(service.engine().refused()).containsEntry("broken", "broken: item q1: unsupported item type: quantity");
    }
}
