package org.openrom.api.host;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * A young person as the host knows them. Everything here is identifying and stays on the site.
 *
 * @param id the host's local patient id
 * @param nhsNumber the NHS number without spaces, when the host knows it
 * @param givenName given name
 * @param familyName family name
 * @param birthDate date of birth
 * @param gender administrative gender as recorded by the host
 * @param postcode full postcode, when known
 * @param ethnicity NHS ethnic category code (e.g. {@code A}, {@code Z}), when known
 * @since 1.0.0
 */
public record Patient(
        String id,
        @Nullable String nhsNumber,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Gender gender,
        @Nullable String postcode,
        @Nullable String ethnicity) {

    /** Administrative gender, as FHIR R4 codes it. */
    public enum Gender {
        FEMALE,
        MALE,
        OTHER,
        UNKNOWN
    }

    /** @throws IllegalArgumentException when {@code id} is blank */
    public Patient {
        requireNonNull(id, "id");
        requireNonNull(givenName, "givenName");
        requireNonNull(familyName, "familyName");
        requireNonNull(birthDate, "birthDate");
        requireNonNull(gender, "gender");
        if (id.isBlank()) {
            throw new IllegalArgumentException("patient id is blank");
        }
    }

    /** Age in whole years on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** Given and family name, for display. */
    public String displayName() {
        return givenName + " " + familyName;
    }
}
