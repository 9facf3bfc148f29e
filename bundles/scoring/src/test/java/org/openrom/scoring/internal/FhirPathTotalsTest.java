package org.openrom.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.Sex;
import org.openrom.profiles.Profiles;

/**
 * On random responses, HAPI's R4 FHIRPath evaluation of every calculatedExpression in the Questionnaires equals the
 * engine's value for the scale of the same id (and is empty exactly when the engine reports the scale missing). So
 * any SDC renderer computes the totals OpenROM computes. HAPI is a test-only reference here.
 */
class FhirPathTotalsTest {
    static final String CALC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
    static final int RESPONSES = Integer.getInteger("openrom.fhirpath.responses", 150);
    static FhirContext ctx;
    static FHIRPathEngine fhirPath;

    @BeforeAll
    static void hapi() {
        ctx = FhirContext.forR4();
        fhirPath = new FHIRPathEngine(new HapiWorkerContext(ctx, new DefaultProfileValidationSupport(ctx)));
    }

    static List<String> measures() {
        return Profiles.measureIds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void everyCalculatedExpressionEqualsTheEngine(String measure) {
        Map<String, ExpressionNode> expressions = expressions(measure);
        Random random = new Random(measure.hashCode() * 31L + 7);
        int compared = 0;
        int present = 0;
        for (int n = 0; n < RESPONSES; n++) {
            RandomResponses r = RandomResponses.of(measure, random);
            QuestionnaireResponse qr = ctx.newJsonParser().parseResource(QuestionnaireResponse.class, r.qrJson);
            ScoreSet s = TestScoring.PLAIN.score(new ScoringRequest(measure, r.answers, 14, Sex.FEMALE));
            for (Map.Entry<String, ExpressionNode> e : expressions.entrySet()) {
                List<Base> result = fhirPath.evaluate(null, qr, qr, qr, e.getValue());
                BigDecimal engine = s.value(e.getKey());
                String where = measure + " " + e.getKey() + " on " + r.qrJson;
                assertThat(s.scale(e.getKey())).as("engine has scale " + e.getKey()).isPresent();
                if (engine == null) {
                    assertThat(result).as(where).isEmpty();
                } else {
                    assertThat(result).as(where).hasSize(1);
                    assertThat(new BigDecimal(result.get(0).primitiveValue())).as(where).isEqualByComparingTo(engine);
                    present++;
                }
                compared++;
            }
        }
        if (!expressions.isEmpty()) {
            assertThat(present).as("some responses give values").isPositive();
            assertThat(present).as("some responses give missing values").isLessThan(compared);
        }
    }

    @org.junit.jupiter.api.Test
    void theOldOrdinalExpressionDoesNotRunInHapisR4EngineWhichIsWhyTheLiteralMappingIsUsed() {
        String old = "%resource.repeat(item).where(linkId.matches('^q[1-9]$')).answer.value.ordinal().sum()";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fhirPath.parse(old))
                .isInstanceOf(org.hl7.fhir.exceptions.FHIRException.class);
    }

    private static Map<String, ExpressionNode> expressions(String measure) {
        Map<String, ExpressionNode> out = new LinkedHashMap<>();
        List<JsonNode> stack = new ArrayList<>();
        RandomResponses.questionnaire(measure).path("item").forEach(stack::add);
        while (!stack.isEmpty()) {
            JsonNode item = stack.remove(0);
            item.path("item").forEach(stack::add);
            for (JsonNode ext : item.path("extension")) {
                if (CALC.equals(ext.path("url").asText())) {
                    out.put(item.path("linkId").asText(),
                            fhirPath.parse(ext.path("valueExpression").path("expression").asText()));
                }
            }
        }
        return out;
    }
}
