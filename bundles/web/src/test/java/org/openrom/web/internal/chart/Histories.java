package org.openrom.web.internal.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.scoring.Scoring;

/** Histories scored by the real engine with the shipped rules, built in a line per occasion. */
final class Histories {
    static final ScoringService SCORING = Scoring.open(null);

    private final String measure;
    private final List<Occasion> occasions = new ArrayList<>();
    private int age = 15;

    private Histories(String measure) {
        this.measure = measure;
    }

    static Histories of(String measure) {
        return new Histories(measure);
    }

    Histories age(int years) {
        this.age = years;
        return this;
    }

    /** Every item q1..qN given the same option position, except the overrides ("q9", 2 …). */
    Histories all(String date, int items, int position, Object... overrides) {
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        for (int i = 1; i <= items; i++) {
            answers.put("q" + i, new AnswerValue.IntegerValue(position));
        }
        for (int i = 0; i < overrides.length; i += 2) {
            Object v = overrides[i + 1];
            if (v == null) {
                answers.remove((String) overrides[i]);
            } else {
                answers.put((String) overrides[i], value(v));
            }
        }
        return add(date, answers);
    }

    /** Exactly these answers: linkId, value pairs (Integer positions, BigDecimal numbers, String text). */
    Histories answers(String date, Object... pairs) {
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put((String) pairs[i], value(pairs[i + 1]));
        }
        return add(date, answers);
    }

    private Histories add(String date, Map<String, AnswerValue> answers) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, AnswerValue> scored = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (v instanceof AnswerValue.StringValue s) {
                texts.put(k, s.value());
            } else {
                scored.put(k, v);
            }
        });
        String id = measure + "-" + (occasions.size() + 1);
        occasions.add(new Occasion(id, LocalDate.parse(date),
                SCORING.score(new ScoringRequest(measure, scored, age, Sex.FEMALE)), null, texts));
        return this;
    }

    Histories unreadable(String date) {
        occasions.add(new Occasion(measure + "-" + (occasions.size() + 1), LocalDate.parse(date), null,
                "the stored response can no longer be read", Map.of()));
        return this;
    }

    MeasureHistory build() {
        return new MeasureHistory(measure, occasions);
    }

    private static AnswerValue value(Object v) {
        if (v instanceof Integer i) {
            return new AnswerValue.IntegerValue(i);
        }
        if (v instanceof BigDecimal d) {
            return new AnswerValue.DecimalValue(d);
        }
        return new AnswerValue.StringValue((String) v);
    }
}
