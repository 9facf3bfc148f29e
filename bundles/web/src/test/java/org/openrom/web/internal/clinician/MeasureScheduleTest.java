package org.openrom.web.internal.clinician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class MeasureScheduleTest {
    private static MeasureSchedule schedule(Map<String, Object> config) {
        return new MeasureSchedule(Converters.standardConverter().convert(config).to(MeasureSchedule.Config.class));
    }

    @Test
    void theDefaultsGiveSessionMeasuresEveryTimeAndTheLongOnesAtAssessmentReviewAndClose() {
        MeasureSchedule s = schedule(Map.of());
        assertThat(s.due("Getting Help", SessionKind.ASSESSMENT, 12)).containsExactly("ypcore", "gbo", "srs", "rcads-c", "sdq-s");
        assertThat(s.due("Getting Help", SessionKind.ONGOING, 12)).containsExactly("ypcore", "gbo", "srs");
        assertThat(s.due("Getting Help", SessionKind.ONGOING, 16)).containsExactly("ypcore", "gbo", "srs", "phq9", "gad7");
        assertThat(s.due("Getting Help", SessionKind.CLOSE, 9)).containsExactly("ypcore", "gbo", "srs", "rcads-c");
    }

    @Test
    void rulesNameAServiceAndEachMeasureIsDueOnce() {
        MeasureSchedule s = schedule(Map.of("rules", List.of("16-25 Service|every|phq9,gad7", "*|review|phq9,ypcore")));
        assertThat(s.due("16-25 service", SessionKind.REVIEW, 20)).containsExactly("phq9", "gad7", "ypcore");
        assertThat(s.due("Getting Help", SessionKind.ONGOING, 20)).isEmpty();
    }

    @Test
    void theFirstSessionOfAnEpisodeIsAnAssessmentUnlessChosenOtherwise() {
        assertThat(MeasureSchedule.defaultKind(null, false)).isEqualTo(SessionKind.ASSESSMENT);
        assertThat(MeasureSchedule.defaultKind(null, true)).isEqualTo(SessionKind.ONGOING);
        assertThat(MeasureSchedule.defaultKind("review", false)).isEqualTo(SessionKind.REVIEW);
        assertThat(MeasureSchedule.defaultKind("<bad>", true)).isEqualTo(SessionKind.ONGOING);
    }

    @Test
    void aBadRuleStopsActivationNamingTheRuleAndTheValue() {
        assertThatThrownBy(() -> schedule(Map.of("rules", List.of("*|every|phq10"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown measure 'phq10'");
        assertThatThrownBy(() -> schedule(Map.of("rules", List.of("*|weekly|phq9"))))
                .hasMessageContaining("unknown session kind 'weekly'");
        assertThatThrownBy(() -> schedule(Map.of("rules", List.of("*|every|phq9|17-16"))))
                .hasMessageContaining("17-16");
        assertThatThrownBy(() -> schedule(Map.of("rules", List.of("phq9")))).hasMessageContaining("'phq9'");
    }
}
