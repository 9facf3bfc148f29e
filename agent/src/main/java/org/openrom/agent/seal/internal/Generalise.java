package org.openrom.agent.seal.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The generalisation rules of RELIABILITY.md, as small pure functions. */
public final class Generalise {

    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");
    /** NHS Data Dictionary ETHNIC CATEGORY: A–H, J–N, P, R, S, Z (not stated) and 99 (not known). */
    private static final Pattern ETHNIC = Pattern.compile("[A-HJ-NPRSZ]|99");

    private Generalise() {}

    /** Age in whole years on {@code day}, or null when the birth date is after it. */
    public static @Nullable Integer ageOn(LocalDate birthDate, LocalDate day) {
        return birthDate.isAfter(day) ? null : Period.between(birthDate, day).getYears();
    }

    /** The outward code (district) of a UK postcode, e.g. {@code LS1} for {@code ls1 4ab}; null if not a postcode. */
    public static @Nullable String outwardCode(@Nullable String postcode) {
        if (postcode == null) {
            return null;
        }
        Matcher m = POSTCODE.matcher(postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }

    /** The month as {@code YYYY-MM}. */
    public static String month(LocalDate day) {
        return YearMonth.from(day).toString();
    }

    /** Whole days from the referral to {@code day} (negative if before the referral). */
    public static long daysSince(LocalDate referral, LocalDate day) {
        return ChronoUnit.DAYS.between(referral, day);
    }

    /** The NHS ethnic category code as collected, or null when it is not one. */
    public static @Nullable String ethnicCategory(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return ETHNIC.matcher(c).matches() ? c : null;
    }

    /** FHIR administrative gender; anything else is {@code unknown}. */
    public static String gender(@Nullable String gender) {
        String g = gender == null ? "" : gender.strip().toLowerCase(Locale.ROOT);
        return switch (g) {
            case "female", "male", "other" -> g;
            default -> "unknown";
        };
    }

    /** Five-year age band for the k-anonymity report ({@code 10-14}); {@code unknown} when the age is unknown. */
    public static String ageBand(@Nullable Integer age) {
        if (age == null) {
            return "unknown";
        }
        int low = age / 5 * 5;
        return low + "-" + (low + 4);
    }
}
