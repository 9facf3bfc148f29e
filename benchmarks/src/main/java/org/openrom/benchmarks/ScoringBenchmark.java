package org.openrom.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.profiles.Profiles;
import org.openrom.scoring.Scoring;

/**
 * Responses scored per second per measure, on one thread: {@code score} runs the whole engine (scales,
 * proration, bands, alerts) on generated valid responses; {@code baseline} only sums the same answers, the
 * least work any scorer must do, so that the two can be compared as a ratio measured in the same run. Run with
 * {@code -prof gc} for the allocation per response ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScoringBenchmark {
    @Param({"sdq-p", "sdq-t", "sdq-s", "rcads-c", "rcads-p", "rcads25-c", "rcads25-p", "ypcore", "gbo", "esq-p",
        "esq-yp", "esq-c", "ors", "cors", "srs", "csrs", "phq9", "gad7", "sfq", "current-view"})
    public String measure;

    private ScoringService scoring;
    private List<ScoringRequest> requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        scoring = Scoring.open(null);
        JsonNode questionnaire = new ObjectMapper().readTree(Profiles.questionnaire(measure).orElseThrow());
        Random random = new Random(42);
        requests = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            Map<String, AnswerValue> answers = new LinkedHashMap<>();
            answer(questionnaire.path("item"), random, answers);
            ScoringRequest request = new ScoringRequest(measure, answers, 12 + random.nextInt(6), Sex.FEMALE);
            scoring.score(request); // proves the generated response is one the engine accepts
            requests.add(request);
        }
    }

    /** One answer per answerable item: an option position, or a number within the item's bounds. */
    private static void answer(JsonNode items, Random random, Map<String, AnswerValue> answers) {
        for (JsonNode item : items) {
            String type = item.path("type").asText();
            String linkId = item.path("linkId").asText();
            if (item.path("readOnly").asBoolean(false)) {
                continue;
            }
            switch (type) {
                case "group" -> answer(item.path("item"), random, answers);
                case "choice" -> answers.put(linkId, new AnswerValue.IntegerValue(random.nextInt(item.path("answerOption").size())));
                case "integer" -> answers.put(linkId, new AnswerValue.IntegerValue(bound(item, "minValue", 0)
                        + random.nextInt((int) (bound(item, "maxValue", 10) - bound(item, "minValue", 0) + 1))));
                case "decimal" -> answers.put(linkId, new AnswerValue.DecimalValue(
                        BigDecimal.valueOf(random.nextInt(101), 1)));
                default -> { }
            }
        }
    }

    private static long bound(JsonNode item, String name, long otherwise) {
        for (JsonNode e : item.path("extension")) {
            if (e.path("url").asText().endsWith("/" + name)) {
                return e.path("valueInteger").asLong(otherwise);
            }
        }
        return otherwise;
    }

    @Benchmark
    public ScoreSet score() {
        ScoringRequest r = requests.get(next++ & 255);
        return scoring.score(r);
    }

    @Benchmark
    public long baseline() {
        ScoringRequest r = requests.get(next++ & 255);
        long sum = 0;
        for (AnswerValue v : r.answers().values()) {
            if (v instanceof AnswerValue.IntegerValue i) {
                sum += i.value();
            }
        }
        return sum;
    }
}
