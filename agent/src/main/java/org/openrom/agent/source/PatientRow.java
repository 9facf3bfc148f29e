package org.openrom.agent.source;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code patient}: identifying, site only. */
public record PatientRow(
        String patientId,
        @Nullable String nhsNumber,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String gender,
        @Nullable String postcode,
        @Nullable String ethnicity) {}
