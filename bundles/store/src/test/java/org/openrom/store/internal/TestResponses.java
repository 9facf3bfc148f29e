package org.openrom.store.internal;

import java.time.Instant;
import org.openrom.api.store.StoredResponse;

/** Synthetic responses: made-up ids and answers, about 2 KB of FHIR JSON like a real PHQ-9. */
final class TestResponses {

    private TestResponses() {}

    static StoredResponse response(String id, String patientId, String measureId, Instant authored) {
        StringBuilder items = new StringBuilder();
        for (int q = 1; q <= 9; q++) {
            items.append(q == 1 ? "" : ",")
                    .append("{\"linkId\":\"q").append(q)
                    .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"LA6568-5\","
                            + "\"display\":\"Not at all\"}}]}");
        }
        String fhir = "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\",\"status\":\"completed\","
                + "\"questionnaire\":\"https://openrom.org/fhir/Questionnaire/" + measureId + "\","
                + "\"subject\":{\"reference\":\"Patient/" + patientId + "\"},\"authored\":\"" + authored + "\","
                + "\"item\":[" + items + "]}";
        return new StoredResponse(id, patientId, "episode-1", measureId, authored, fhir, "{\"total\":0}");
    }

    static StoredResponse response(String id) {
        return response(id, "patient-1", "phq9", Instant.parse("2026-11-22T09:30:00Z"));
    }
}
