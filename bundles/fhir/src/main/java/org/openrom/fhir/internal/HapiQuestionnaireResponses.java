package org.openrom.fhir.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.profiles.Profiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QuestionnaireResponses} on HAPI FHIR R4. Activation returns at once: the FhirContext is built and warmed
 * on a background thread (2–3 s), and the first calls wait for it. Parsing goes through HAPI; {@link #check}
 * runs the compiled rules only ({@link ResponseCheck}), never the FhirInstanceValidator. Thread-safe.
 */
@Component(service = QuestionnaireResponses.class, immediate = true)
public final class HapiQuestionnaireResponses implements QuestionnaireResponses {
    private static final Logger LOG = LoggerFactory.getLogger(HapiQuestionnaireResponses.class);

    /** Configuration (PID {@code org.openrom.fhir.internal.HapiQuestionnaireResponses}). */
    public @interface Config {
        /** How long a call waits for the FHIR context at start, in seconds. */
        long readyTimeoutSeconds() default 120;
    }

    private final long readyTimeoutSeconds;
    private final CompletableFuture<R4Engine> engine = new CompletableFuture<>();
    private final Thread starter;

    /** Serves every measure in {@link Profiles#measureIds()}. */
    @Activate
    public HapiQuestionnaireResponses(Config config) {
        this(config, HapiQuestionnaireResponses::fromProfiles);
    }

    /**
     * @param questionnaires measure id to Questionnaire JSON; read on the background thread
     * @throws IllegalArgumentException when readyTimeoutSeconds is not positive
     */
    public HapiQuestionnaireResponses(Config config, Supplier<Map<String, String>> questionnaires) {
        if (config.readyTimeoutSeconds() <= 0) {
            throw new IllegalArgumentException("readyTimeoutSeconds must be positive: " + config.readyTimeoutSeconds());
        }
        this.readyTimeoutSeconds = config.readyTimeoutSeconds();
        starter = new Thread(() -> {
            try {
                engine.complete(R4Engine.start(questionnaires.get()));
            } catch (RuntimeException | Error e) {
                LOG.error("FHIR context failed to start", e);
                engine.completeExceptionally(e);
            }
        }, "openrom-fhir-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Waits for the start-up thread: it runs HAPI and logs through slf4j, and must not outlive this bundle's
     * wiring (a SIGTERM right after start would otherwise end it with a NoClassDefFoundError).
     */
    @Deactivate
    void stop() {
        engine.cancel(false);
        try {
            starter.join(TimeUnit.SECONDS.toMillis(readyTimeoutSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (starter.isAlive()) {
            LOG.warn("FHIR context start-up still running after {} s at shutdown", readyTimeoutSeconds);
        }
    }

    @Override
    public CapturedResponse parse(String json) throws InvalidResponseException {
        return engine().parse(java.util.Objects.requireNonNull(json, "json"));
    }

    @Override
    public List<Issue> check(CapturedResponse response) {
        CompiledQuestionnaire q = engine().catalog().resolve(response.questionnaire());
        if (q == null) {
            return List.of(Issue.error(ErrorCode.UNKNOWN_QUESTIONNAIRE.code(), null,
                    "questionnaire " + response.questionnaire() + " is not one OpenROM knows"));
        }
        if (!q.measureId().equals(response.measureId())) {
            return List.of(Issue.error(ErrorCode.MEASURE_MISMATCH.code(), null, "measure " + response.measureId()
                    + " does not match questionnaire " + response.questionnaire() + " (" + q.measureId() + ")"));
        }
        return ResponseCheck.check(q, response);
    }

    @Override
    public Set<String> questionnaires() {
        return engine().catalog().canonicals();
    }

    /** The engine, once started; for tests and the benchmarks. */
    public R4Engine engine() {
        try {
            return engine.get(readyTimeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the FHIR context", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the FHIR context failed to start", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FHIR context is not ready after " + readyTimeoutSeconds + " s", e);
        }
    }

    private static Map<String, String> fromProfiles() {
        Map<String, String> questionnaires = new LinkedHashMap<>();
        for (String id : Profiles.measureIds()) {
            Profiles.questionnaire(id).ifPresentOrElse(
                    json -> questionnaires.put(id, json),
                    () -> LOG.error("measure {} has no Questionnaire in org.openrom.profiles", id));
        }
        return questionnaires;
    }
}
