package org.openrom.agent.seal;

/**
 * How many resources of each type a payload holds, and its lines (the sum).
 *
 * @param patients Patient resources
 * @param episodes EpisodeOfCare resources
 * @param encounters Encounter resources
 * @param responses QuestionnaireResponse resources
 * @param observations Observation resources
 */
public record BatchCounts(long patients, long episodes, long encounters, long responses, long observations) {

    /** Every resource is one NDJSON line. */
    public long lines() {
        return patients + episodes + encounters + responses + observations;
    }
}
