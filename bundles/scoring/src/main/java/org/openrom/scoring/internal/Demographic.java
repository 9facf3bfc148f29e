package org.openrom.scoring.internal;

import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.Sex;

/** A rule that may apply to an age band or a sex only. */
interface Demographic {
    @Nullable
    Integer ageMin();

    @Nullable
    Integer ageMax();

    @Nullable
    Sex sex();

    default boolean needsAge() {
        return ageMin() != null || ageMax() != null;
    }

    /** Whether the rule applies; a rule with an age band never applies to an unknown age. */
    default boolean appliesTo(@Nullable Integer age, Sex sex) {
        if (needsAge()) {
            if (age == null) {
                return false;
            }
            if ((ageMin() != null && age < ageMin()) || (ageMax() != null && age > ageMax())) {
                return false;
            }
        }
        return sex() == null || sex() == sex;
    }
}
