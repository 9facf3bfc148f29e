package org.openrom.web.internal.chart;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrom.api.fhir.AnswerValue;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.StoredResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A young person's histories, read from the store and scored again from the raw answers (scores are derived data,
 * as in the JSON API's change). It checks no access and writes no audit: its callers (the clinician's progress
 * page, the young person's own page) do both before they call it. Thread-safe.
 */
public final class ProgressReader {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReader.class);

    private final ResponseStore store;
    private final ScoringService scoring;
    private final QuestionnaireResponses fhir;
    private final ZoneId zone;

    public ProgressReader(ResponseStore store, ScoringService scoring, QuestionnaireResponses fhir, ZoneId zone) {
        this.store = store;
        this.scoring = scoring;
        this.fhir = fhir;
        this.zone = zone;
    }

    /** The measures the young person has responses to, in the order first answered. */
    public List<String> measures(Patient patient) {
        Set<String> ids = new LinkedHashSet<>();
        for (StoredResponse r : store.responses(patient.id(), null)) {
            ids.add(r.measureId());
        }
        return List.copyOf(ids);
    }

    /** Every stored response of one measure, oldest first, each scored again or with the reason it cannot be. */
    public MeasureHistory history(Patient patient, String measureId) {
        List<Occasion> occasions = new ArrayList<>();
        for (StoredResponse r : store.responses(patient.id(), measureId)) {
            occasions.add(occasion(r, patient));
        }
        return new MeasureHistory(measureId, occasions);
    }

    private Occasion occasion(StoredResponse r, Patient patient) {
        LocalDate day = r.authored().atZone(zone).toLocalDate();
        CapturedResponse captured;
        try {
            captured = fhir.parse(r.fhirJson());
        } catch (InvalidResponseException e) {
            LOG.warn("stored response {} can no longer be read; shown as not scored", r.responseId());
            return new Occasion(r.responseId(), day, null, "the stored response can no longer be read", Map.of());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        captured.answersByLinkId().forEach((linkId, value) -> {
            if (value instanceof AnswerValue.StringValue s) {
                texts.put(linkId, s.value());
            }
        });
        int age = patient.ageOn(day);
        if (age < 0) {
            return new Occasion(r.responseId(), day, null, "answered before the date of birth", texts);
        }
        try {
            return new Occasion(r.responseId(), day,
                    scoring.score(ScoringRequest.of(captured, age, sex(patient.gender()))), null, texts);
        } catch (IllegalArgumentException e) {
            LOG.warn("stored response {} can no longer be scored; shown as not scored", r.responseId());
            return new Occasion(r.responseId(), day, null, "the scoring rules can no longer score this response",
                    texts);
        }
    }

    static Sex sex(Patient.Gender gender) {
        return switch (gender) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> Sex.UNKNOWN;
        };
    }
}
