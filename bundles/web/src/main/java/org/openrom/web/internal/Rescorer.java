package org.openrom.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
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
 * derived data.
 *
 * <p>Scores of stored responses are remembered by response id, birth date and gender (what the score depends on
 * besides the raw answers, which a stored id never changes, and the rules, which belong to this instance's scoring
 * service): without that, every submission parsed its measure's first and previous responses again, two thirds of
 * its parsing. A corrected birth date or gender scores again. Bounded: emptied when large. Thread-safe.
 */
public final class Rescorer {
    private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);

    static final int REMEMBERED_LIMIT = 50_000;

    private record Key(String responseId, LocalDate birthDate, Patient.Gender gender) {
        Key(String responseId, Patient patient) {
            this(responseId, patient.birthDate(), patient.gender());
        }
    }

    private final QuestionnaireResponses fhir;
    private final ScoringService scoring;
    private final ConcurrentHashMap<Key, ScoreSet> remembered = new ConcurrentHashMap<>();

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
        Key key = new Key(earlier.responseId(), patient);
        ScoreSet first = remembered.get(key);
        if (first == null) {
            try {
                first = score(fhir.parse(earlier.fhirJson()), patient);
            } catch (InvalidResponseException | ApiException e) {
                LOG.warn("stored response {} can no longer be scored; change left out", earlier.responseId());
                return null;
            }
            remember(key, first);
        }
        ObjectNode change = (ObjectNode) ResponseIntake.tree(ScoreJson.toJson(scoring.change(first, last)));
        change.put("fromResponseId", earlier.responseId());
        change.put("fromAuthored", earlier.authored().toString());
        return change;
    }

    /** Keeps the scores of a response that is now stored, so that the next submission's change need not parse it. */
    void stored(String responseId, Patient patient, ScoreSet scores) {
        remember(new Key(responseId, patient), scores);
    }

    private void remember(Key key, ScoreSet scores) {
        if (remembered.size() >= REMEMBERED_LIMIT) {
            remembered.clear();
        }
        remembered.put(key, scores);
    }

    /** How many stored responses' scores are remembered (for tests). */
    int remembered() {
        return remembered.size();
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
