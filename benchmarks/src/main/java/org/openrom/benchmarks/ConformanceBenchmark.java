package org.openrom.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;
import org.openrom.fhir.internal.Fixtures;
import org.openrom.fhir.internal.HapiQuestionnaireResponses;
import org.openrom.fhir.internal.ReferenceValidator;
import org.openrom.fhir.internal.ResponseCorpus;
import org.openrom.fhir.internal.TestConfig;

/**
 * One response per operation, cycling through a seeded corpus of valid and invalid responses over every
 * Questionnaire in Profiles plus the test fixture: (a) the compiled check alone, on responses that parse;
 * (b) parse + check on the JSON; (c) HAPI's FhirInstanceValidator on the same JSON. Setup asserts that (b) and
 * (c) give the same verdict on every response, so the speeds compare like with like.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ConformanceBenchmark {

    @Param("500")
    public int corpusSize;

    private HapiQuestionnaireResponses fast;
    private ReferenceValidator reference;
    private String[] json;
    private CapturedResponse[] parsed;
    private int nextJson;
    private int nextParsed;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, String> questionnaires = Fixtures.allQuestionnaires();
        fast = new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> questionnaires);
        List<ResponseCorpus.Sample> corpus = new ResponseCorpus(20261122L, fast.engine().catalog().all()).generate(corpusSize);
        reference = new ReferenceValidator(questionnaires);
        json = corpus.stream().map(ResponseCorpus.Sample::json).toArray(String[]::new);
        List<CapturedResponse> ok = new ArrayList<>();
        int invalid = 0;
        int disagreements = 0;
        for (ResponseCorpus.Sample s : corpus) {
            boolean fastValid;
            try {
                CapturedResponse r = fast.parse(s.json());
                ok.add(r);
                fastValid = fast.check(r).isEmpty();
            } catch (InvalidResponseException e) {
                fastValid = false;
            }
            boolean hapiValid = reference.errors(s.json()).isEmpty();
            invalid += fastValid ? 0 : 1;
            // The documented differences (CorpusEquivalenceTest), where the check follows the spec and HAPI does not.
            if (fastValid != hapiValid && !ResponseCorpus.KNOWN_DIFFERENCES.contains(s.mutation())) {
                disagreements++;
            }
        }
        if (disagreements > 0) {
            throw new IllegalStateException(disagreements + " verdicts differ from HAPI's validator");
        }
        parsed = ok.toArray(CapturedResponse[]::new);
        System.out.printf("%ncorpus: %d responses, %d invalid, %d parse; verdicts identical to HAPI's validator%n",
                json.length, invalid, parsed.length);
    }

    /** (a) The compiled check alone. */
    @Benchmark
    public List<Issue> check() {
        CapturedResponse r = parsed[nextParsed];
        nextParsed = (nextParsed + 1) % parsed.length;
        return fast.check(r);
    }

    /** (b) HAPI parse (strict) + flatten + the compiled check. */
    @Benchmark
    public Object parseAndCheck() {
        String s = json[nextJson];
        nextJson = (nextJson + 1) % json.length;
        try {
            return fast.check(fast.parse(s));
        } catch (InvalidResponseException e) {
            return e.issues();
        }
    }

    /** (c) HAPI's FhirInstanceValidator with the Questionnaires resolvable. */
    @Benchmark
    public Object validator() {
        String s = json[nextJson];
        nextJson = (nextJson + 1) % json.length;
        return reference.errors(s);
    }
}
