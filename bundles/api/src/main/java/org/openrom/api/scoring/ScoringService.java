package org.openrom.api.scoring;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Scores responses with the rules in each measure's data and compares scores over time. Thread-safe and free of
 * side effects: the same request always gives the same score set.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ScoringService {

    /** Every measure in the catalogue, in catalogue order. */
    List<MeasureInfo> measures();

    /**
     * Scores one response.
     *
     * @return every scale of the measure, each a value or missing with the reason, plus bands, T-scores when norms
     *     are loaded, and alerts
     * @throws IllegalArgumentException when the measure is unknown, or an answer names an unknown item, has the
     *     wrong type or is out of range; the message names the measure, the item and the value
     */
    ScoreSet score(ScoringRequest request);

    /**
     * The change from a first to a last score set of the same measure (and so the same informant).
     *
     * @throws IllegalArgumentException when the two score sets are of different measures
     */
    Change change(ScoreSet first, ScoreSet last);

    /**
     * CORC's multi-measure verdict for a case, from each measure's headline-scale change.
     *
     * @param changes one change per measure and informant of the case
     */
    CaseVerdict caseVerdict(List<Change> changes);

    /**
     * The NHS Talking Therapies outcome of a PHQ-9 and a GAD-7 change over the same first and last contacts.
     *
     * @throws IllegalArgumentException when the changes are not of {@code phq9} and {@code gad7}
     */
    TalkingTherapiesOutcome talkingTherapies(Change phq9, Change gad7);

    /** What the licensed content pack supplied and what is missing. */
    ContentPackStatus contentPack();

    /**
     * Item text from the content pack for a measure in one language, by linkId; empty when the pack has none. Free
     * measures carry their text in their Questionnaire instead.
     *
     * @throws IllegalArgumentException when the measure is unknown
     */
    Map<String, String> itemTexts(String measureId, String language);
}
