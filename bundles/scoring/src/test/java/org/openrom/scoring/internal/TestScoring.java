package org.openrom.scoring.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.scoring.Scoring;

/** Shared fixtures: one service without a pack, one with the synthetic test pack. */
final class TestScoring {
    static final ScoringService PLAIN = Scoring.open(null);
    static final ScoringService WITH_PACK = Scoring.open(testPack());

    private TestScoring() {}

    static Path testPack() {
        try {
            return Path.of(TestScoring.class.getResource("/content-pack/pack.json").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers as option positions: "q1", 2, "q2", 0, … */
    static Map<String, AnswerValue> positions(Object... pairs) {
        Map<String, AnswerValue> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            m.put((String) pairs[i], v instanceof BigDecimal d
                    ? new AnswerValue.DecimalValue(d)
                    : new AnswerValue.IntegerValue(((Number) v).longValue()));
        }
        return m;
    }

    /** Every item q1..qN at the same position. */
    static Map<String, AnswerValue> all(int n, int position) {
        Map<String, AnswerValue> m = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            m.put("q" + i, new AnswerValue.IntegerValue(position));
        }
        return m;
    }

    static ScoreSet score(String measure, Map<String, AnswerValue> answers) {
        return PLAIN.score(new ScoringRequest(measure, answers, 14, Sex.FEMALE));
    }

    static ScoreSet score(ScoringService s, String measure, Map<String, AnswerValue> answers, Integer age, Sex sex) {
        return s.score(new ScoringRequest(measure, answers, age, sex));
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }
}
