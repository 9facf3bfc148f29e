package org.openrom.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.api.store.StoredResponse;
import org.openrom.scoring.ScoreJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a response for a young person (age from the host's birth date on the authored day, sex from the recorded
 * gender), and the change from an earlier stored response, which is scored again from its raw answers: scores are
 * derived data. Thread-safe.
 */
public final class Rescorer {
    private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);

    private final QuestionnaireResponses fhir;
    private final ScoringService scoring;

    public Rescorer(QuestionnaireResponses fhir, ScoringService scoring) {
        this.fhir = fhir;
        this.scoring = scoring;
    }

    /** @throws ApiException 422 when the engine cannot score the answers */
    ScoreSet score(CapturedResponse r, Patient patient) {
        LocalDate day = r.authored() == null ? LocalDate.now() : r.authored().toLocalDate();
        int age = patient.ageOn(day);
        if (age < 0) {
            throw new ApiException(422, ErrorCode.CANNOT_SCORE,
                    "the response is authored " + day + ", before the young person was born");
        }
        try {
            return scoring.score(ScoringRequest.of(r, age, sex(patient.gender())));
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, ErrorCode.CANNOT_SCORE, "cannot score the response: " + e.getMessage());
        }
    }

    /**
     * The change from an earlier stored response to {@code last}, as the scoring JSON plus {@code fromResponseId};
     * null when the earlier one can no longer be scored (logged by id).
     */
    @Nullable ObjectNode change(StoredResponse earlier, ScoreSet last, Patient patient) {
        ScoreSet first;
        try {
            first = score(fhir.parse(earlier.fhirJson()), patient);
        } catch (InvalidResponseException | ApiException e) {
            LOG.warn("stored response {} can no longer be scored; change left out", earlier.responseId());
            return null;
        }
        ObjectNode change = (ObjectNode) ResponseIntake.tree(ScoreJson.toJson(scoring.change(first, last)));
        change.put("fromResponseId", earlier.responseId());
        change.put("fromAuthored", earlier.authored().toString());
        return change;
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
