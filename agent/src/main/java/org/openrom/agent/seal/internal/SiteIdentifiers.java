package org.openrom.agent.seal.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.seal.internal.IdentifierSet.Kind;
import org.openrom.agent.source.PatientRow;
import org.openrom.agent.source.SiteDatabase;

/**
 * Collects every identifier the site holds into an {@link IdentifierSet}: NHS numbers, given and family names,
 * dates of birth (ISO, dd/MM/yyyy and d/M/yyyy), full postcodes, local patient and episode ids.
 *
 * <p>Some values cannot be told apart from what a payload legitimately contains, and are not scanned (counted in
 * {@link Stats#skipped}): names of one character; names and local ids that are a word the payload format itself
 * uses (a surname "Peer" is also an SDQ scale; "Final" a status) — the payload's vocabulary is every token of the
 * resource writer's constants, the measures' ids, linkIds, codes, scale ids and band labels, and the site's
 * service names; local ids of fewer than 3 characters, and all-digit local ids of fewer than 6 digits (they look
 * like scores and day counts).
 */
public final class SiteIdentifiers {

    /** What was collected. */
    public record Stats(long registered, long skipped) {}

    /** Runs of what is not a token character (see {@link IdentifierScan}); compiled once, used per patient. */
    private static final Pattern NOT_TOKEN = Pattern.compile("[^A-Za-z0-9\\x{80}-\\x{10FFFF}]+");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter DMY_SHORT = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** Field names and fixed values the writer emits (kept beside ResourceWriter's URL constants). */
    private static final String WRITER_WORDS = "resourceType id extension url valueInteger valueCoding system code"
            + " identifier value gender address postalCode status type coding patient period start reference"
            + " subject episodeOfCare class questionnaire encounter authored item linkId answer valueDecimal"
            + " valueBoolean valueQuantity interpretation dataAbsentReason derivedFrom effectiveDateTime"
            + " Patient EpisodeOfCare Encounter QuestionnaireResponse Observation active finished completed amended"
            + " final female male other unknown true false AMB UNKNOWN " + String.join(" ", ResourceWriter.MISSING_REASONS)
            + " " + ResourceWriter.EXT_AGE + " " + ResourceWriter.EXT_DAYS + " " + ResourceWriter.EXT_LENGTH
            + " " + ResourceWriter.EXT_ETHNIC + " " + ResourceWriter.SID_NHS + " " + ResourceWriter.SID_LOCAL
            + " " + ResourceWriter.CS_SCALE + " " + ResourceWriter.CS_BAND + " " + ResourceWriter.CS_MISSING
            + " " + ResourceWriter.CS_SERVICE + " " + ResourceWriter.CS_ETHNIC + " " + ResourceWriter.CS_ACT;

    private final IdentifierSet set = new IdentifierSet();
    private final Set<String> vocabulary = new HashSet<>();
    private long registered;
    private long skipped;

    private SiteIdentifiers() {}

    /** Reads the site's identifiers within the database's snapshot. */
    public static SiteIdentifiers collect(SiteDatabase db, MeasureCatalogue catalogue) throws Exception {
        SiteIdentifiers s = new SiteIdentifiers();
        s.words(WRITER_WORDS);
        for (MeasureCatalogue.Measure m : catalogue.all()) {
            s.words(m.id() + " " + m.canonical());
            m.items().forEach((linkId, item) -> {
                s.words(linkId);
                item.coded().forEach((system, codes) -> {
                    s.words(system);
                    codes.keySet().forEach(s::words);
                });
            });
            m.scales().forEach(x -> s.words(m.id() + "." + x));
            m.bands().forEach(b -> s.words(b.replace('\u0000', ':')));
            m.scaleCodes().values().forEach(l -> l.forEach(c -> s.words(c.system() + " " + c.code())));
        }
        db.services(s::words);
        db.allPatients(s::patient);
        db.allLocalIds(id -> s.localId(id, Kind.PATIENT_ID), id -> s.localId(id, Kind.EPISODE_ID));
        return s;
    }

    public IdentifierSet set() {
        return set;
    }

    public Stats stats() {
        return new Stats(registered, skipped);
    }

    private void words(String text) {
        for (String w : NOT_TOKEN.split(text)) {
            if (!w.isEmpty()) {
                vocabulary.add(w.toLowerCase(Locale.ROOT));
            }
        }
    }

    private void patient(PatientRow p) {
        if (p.nhsNumber() != null) {
            register(p.nhsNumber(), Kind.NHS_NUMBER);
        }
        name(p.givenName());
        name(p.familyName());
        LocalDate dob = p.birthDate();
        register(dob.toString(), Kind.BIRTH_DATE);
        register(DMY.format(dob), Kind.BIRTH_DATE);
        register(DMY_SHORT.format(dob), Kind.BIRTH_DATE);
        if (p.postcode() != null && normalised(p.postcode()).length() >= 5) {
            register(p.postcode(), Kind.POSTCODE);
        }
    }

    private void name(String name) {
        String key = normalised(name);
        if (key.length() < 2 || isVocabulary(name)) {
            skipped++;
            return;
        }
        register(name, Kind.NAME);
    }

    private void localId(@Nullable String id, Kind kind) {
        if (id == null) {
            return;
        }
        String key = normalised(id);
        boolean digits = key.chars().allMatch(Character::isDigit);
        if (key.length() < 3 || (digits && key.length() < 6) || isVocabulary(id)) {
            skipped++;
            return;
        }
        register(id, kind);
    }

    /** True when every token of the value is a vocabulary word (then the payload may contain it legitimately). */
    private boolean isVocabulary(String value) {
        for (String w : NOT_TOKEN.split(value)) {
            if (!w.isEmpty() && !vocabulary.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private void register(String value, Kind kind) {
        if (set.add(value, kind)) {
            registered++;
        } else {
            skipped++;
        }
    }

    private static String normalised(String s) {
        return NOT_TOKEN.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
