package org.openrom.host.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;

/**
 * Makes up young people and their episodes from a seed, so every demo site shows the same caseload.
 * Names are drawn from short lists of common names; NHS numbers are in the 999 range reserved for
 * testing and carry a valid check digit, so they look real to validation but belong to nobody.
 */
final class SyntheticCaseload {
    private static final String[] GIVEN = {
        "Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hassan", "Isla", "Jay", "Kai", "Leah",
        "Mo", "Nia", "Oscar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Una", "Vic", "Wren", "Zain"
    };
    private static final String[] FAMILY = {
        "Adeyemi", "Brown", "Campbell", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones",
        "Khan", "Lewis", "Murphy", "Novak", "Okafor", "Patel", "Quinn", "Roberts", "Singh", "Taylor"
    };
    private static final String[] SERVICES = {"Getting Help", "Getting More Help", "Risk Support"};
    private static final String[] OUTWARD = {"LS6", "M14", "B29", "BS7", "NE4", "SE15", "N7", "CF24"};
    private static final String[] ETHNICITY = {"A", "A", "A", "B", "C", "H", "J", "M", "N", "S", "Z"};

    private final List<Patient> patients = new ArrayList<>();
    private final List<Episode> episodes = new ArrayList<>();

    SyntheticCaseload(long seed, int count, LocalDate today) {
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("synthetic caseload size out of range 0..10000: " + count);
        }
        Random random = new Random(seed);
        for (int n = 1; n <= count; n++) {
            String id = "demo-" + n;
            LocalDate birth = today.minusYears(8 + random.nextInt(10)).minusDays(random.nextInt(365));
            Patient.Gender gender = random.nextInt(20) == 0
                    ? Patient.Gender.OTHER
                    : random.nextBoolean() ? Patient.Gender.FEMALE : Patient.Gender.MALE;
            String postcode = OUTWARD[random.nextInt(OUTWARD.length)] + " " + (1 + random.nextInt(9))
                    + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
            patients.add(new Patient(
                    id,
                    nhsNumber(999_000_000 + n * 7L, random),
                    GIVEN[random.nextInt(GIVEN.length)],
                    FAMILY[random.nextInt(FAMILY.length)],
                    birth,
                    gender,
                    postcode,
                    ETHNICITY[random.nextInt(ETHNICITY.length)]));
            LocalDate referral = today.minusDays(30 + random.nextInt(270));
            if (random.nextInt(4) == 0) {
                LocalDate earlier = referral.minusDays(400 + random.nextInt(300));
                episodes.add(new Episode(id + "-e0", id, SERVICES[0], earlier, earlier.plusDays(120 + random.nextInt(100))));
            }
            episodes.add(new Episode(id + "-e1", id, SERVICES[random.nextInt(SERVICES.length)], referral, null));
        }
    }

    List<Patient> patients() {
        return List.copyOf(patients);
    }

    List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /**
     * A ten-digit NHS number whose first nine digits are {@code start} or a little above, skipping candidates whose modulus-11 check digit
     * would be 10 (such numbers are never issued).
     */
    static String nhsNumber(long start, Random random) {
        for (long nine = start + random.nextInt(5); ; nine++) {
            String digits = Long.toString(nine);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits + check;
            }
        }
    }

    /** True when the ten digits carry a valid modulus-11 check digit. */
    static boolean isValidNhsNumber(String number) {
        if (!number.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (number.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(9) - '0';
    }
}
