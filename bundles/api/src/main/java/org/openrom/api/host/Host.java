package org.openrom.api.host;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A clinical record system that OpenROM plugs into. Implementations must be thread-safe: the web tier
 * calls them from many request threads at once.
 *
 * @since 1.0.0
 */
@ConsumerType
public interface Host {

    /**
     * Checks a user's credentials.
     *
     * @param username the user name as typed; never logged by callers
     * @param password the password; implementations must not keep a reference to the array
     * @return the clinician, or empty when the user is unknown or the password is wrong (callers cannot
     *     tell which, on purpose)
     */
    Optional<Clinician> authenticate(String username, char[] password);

    /**
     * The young people a clinician may see, in the host's order.
     *
     * @param clinicianId the id from {@link Clinician#id()}
     * @return an immutable list, empty for an unknown clinician
     */
    List<Patient> caseload(String clinicianId);

    /**
     * One young person, whoever's caseload they are on. Callers check access with {@link #caseload}.
     *
     * @param patientId the host's id
     * @return the patient, or empty when unknown
     */
    Optional<Patient> patient(String patientId);

    /**
     * The episodes of care of one young person, oldest first.
     *
     * @param patientId the host's id
     * @return an immutable list, empty when the patient is unknown or has none
     */
    List<Episode> episodes(String patientId);
}
