package org.openrom.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.openrom.api.fhir.CapturedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one FhirContext (R4, strict parser) with the Questionnaires compiled from it. Expensive to build (2–3 s,
 * ~125 MiB): build once, in the background. Thread-safe once built.
 */
public final class R4Engine {
    private static final Logger LOG = LoggerFactory.getLogger(R4Engine.class);
    private static final String WARM_UP = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
            + "\"item\":[{\"linkId\":\"x\",\"answer\":[{\"valueCoding\":{\"system\":\"s\",\"code\":\"c\"}}]}]}";

    private final QuestionnaireCatalog catalog;
    private final ResponseReader reader;
    private final Map<String, String> refused;

    private R4Engine(FhirContext context, List<CompiledQuestionnaire> compiled, Map<String, String> refused) {
        this.catalog = new QuestionnaireCatalog(compiled);
        this.reader = new ResponseReader(context, catalog);
        this.refused = Map.copyOf(refused);
    }

    /**
     * Builds the context, compiles every Questionnaire and warms the parser. A Questionnaire that cannot be
     * compiled is logged and left out (its responses are then refused as unknown); see {@link #refused()}.
     *
     * @param questionnaires measure id to Questionnaire JSON
     */
    public static R4Engine start(Map<String, String> questionnaires) {
        return Tccl.call(() -> {
            long t0 = System.nanoTime();
            FhirContext context = new FhirContext(FhirVersionEnum.R4);
            context.setParserErrorHandler(new StrictErrorHandler());
            List<CompiledQuestionnaire> compiled = new ArrayList<>();
            Map<String, String> refused = new LinkedHashMap<>();
            questionnaires.forEach((measureId, json) -> {
                try {
                    Questionnaire q = context.newJsonParser().parseResource(Questionnaire.class, json);
                    compiled.add(QuestionnaireCompiler.compile(measureId, q));
                } catch (RuntimeException e) {
                    LOG.error("Questionnaire of measure {} refused: {}", measureId, e.getMessage());
                    refused.put(measureId, String.valueOf(e.getMessage()));
                }
            });
            context.newJsonParser().parseResource(WARM_UP);
            LOG.debug("FHIR R4 context ready in {} ms, {} Questionnaires compiled, {} refused",
                    (System.nanoTime() - t0) / 1_000_000, compiled.size(), refused.size());
            return new R4Engine(context, compiled, refused);
        });
    }

    /** @throws org.openrom.api.fhir.InvalidResponseException as {@link ResponseReader} explains */
    public CapturedResponse parse(String json) {
        return Tccl.call(() -> reader.read(json));
    }

    public QuestionnaireCatalog catalog() {
        return catalog;
    }

    /** Measure ids whose Questionnaire could not be compiled, with the reason. */
    public Map<String, String> refused() {
        return refused;
    }
}
