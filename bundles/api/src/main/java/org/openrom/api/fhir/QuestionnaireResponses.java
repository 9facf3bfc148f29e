package org.openrom.api.fhir;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Parses QuestionnaireResponses and checks them against the Questionnaires OpenROM knows. Thread-safe.
 *
 * @since 1.0.0
 */
@ProviderType
public interface QuestionnaireResponses {

    /**
     * Parses one QuestionnaireResponse.
     *
     * @param json a FHIR R4 QuestionnaireResponse in JSON
     * @return the response, with every answer flattened to its linkId
     * @throws InvalidResponseException when the text is not JSON, not a QuestionnaireResponse, or names
     *     no Questionnaire OpenROM knows; its issues say what was wrong
     */
    CapturedResponse parse(String json) throws InvalidResponseException;

    /**
     * Checks a parsed response against its Questionnaire: known linkIds, answer types, allowed options and
     * ranges, required items, enableWhen.
     *
     * @return the problems found, each naming its item; empty when the response conforms
     */
    List<Issue> check(CapturedResponse response);

    /** The canonical URLs (with {@code |version}) of the Questionnaires responses may answer. */
    Set<String> questionnaires();
}
