package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.seal.BatchCounts;
import org.openrom.agent.seal.internal.MeasureCatalogue.Coding;
import org.openrom.agent.seal.internal.MeasureCatalogue.Measure;

/**
 * Writes the five outgoing resource types as NDJSON, one resource per line, each built from scratch from values
 * the caller has already pseudonymised and generalised. Nothing is copied from a stored resource except what
 * {@link QuestionnaireItems} lets through (coded answers the Questionnaire defines) and what the measure's rules
 * name (scale ids, band labels). Not thread-safe. Tests subclass it to simulate a broken serialiser.
 */
public class ResourceWriter implements AutoCloseable {

    public static final String BASE = "http://openrom.org/fhir/";
    public static final String EXT_AGE = BASE + "StructureDefinition/age-at-referral";
    public static final String EXT_DAYS = BASE + "StructureDefinition/days-since-referral";
    public static final String EXT_LENGTH = BASE + "StructureDefinition/episode-length";
    public static final String EXT_ETHNIC = BASE + "StructureDefinition/ethnic-category";
    public static final String SID_NHS = BASE + "sid/pseudonym-nhs";
    public static final String SID_LOCAL = BASE + "sid/pseudonym-local";
    public static final String CS_SCALE = BASE + "CodeSystem/scale";
    public static final String CS_BAND = BASE + "CodeSystem/band";
    public static final String CS_MISSING = BASE + "CodeSystem/missing-reason";
    public static final String CS_SERVICE = BASE + "CodeSystem/service";
    public static final String CS_ETHNIC = BASE + "CodeSystem/ethnic-category";
    public static final String CS_ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 &()/.,'+-]{0,79}");
    /** MissingReason (org.openrom.api.scoring 1.0.0), the only reasons that may leave. */
    static final Set<String> MISSING_REASONS = Set.of(
            "TOO_FEW_ANSWERS", "COMPONENT_MISSING", "SCREENING_UNANSWERED", "NO_NORMS", "OUTSIDE_NORMS");

    /** When an event happened: days since the episode's referral, or (no episode) its month. */
    public record When(@Nullable Long daysSinceReferral, @Nullable String month) {}

    protected final JsonGenerator g;
    private final Ref patientRef = new Ref("Patient");
    private final Ref episodeRef = new Ref("EpisodeOfCare");
    private final Ref encounterRef = new Ref("Encounter");
    private final Ref responseRef = new Ref("QuestionnaireResponse");
    private long patients;
    private long episodes;
    private long encounters;
    private long responses;
    private long observations;

    public ResourceWriter(OutputStream out) throws IOException {
        this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public void patient(String pseudonym, boolean fromNhsNumber, String gender, @Nullable Integer age,
            @Nullable String outward, @Nullable String ethnic) throws IOException {
        begin("Patient", pseudonym);
        if (age != null || ethnic != null) {
            g.writeFieldName(FieldNames.EXTENSION);
            g.writeStartArray();
            if (age != null) {
                extensionInteger(FieldNames.EXT_AGE, age);
            }
            if (ethnic != null) {
                g.writeStartObject();
                g.writeFieldName(FieldNames.URL);
                g.writeString(FieldNames.EXT_ETHNIC);
                coding(FieldNames.VALUE_CODING, FieldNames.CS_ETHNIC, ethnic);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeFieldName(FieldNames.IDENTIFIER);
        g.writeStartArray();
        g.writeStartObject();
        g.writeFieldName(FieldNames.SYSTEM);
        g.writeString(fromNhsNumber ? FieldNames.SID_NHS : FieldNames.SID_LOCAL);
        g.writeFieldName(FieldNames.VALUE);
        g.writeString(pseudonym);
        g.writeEndObject();
        g.writeEndArray();
        g.writeFieldName(FieldNames.GENDER);
        g.writeString(gender);
        if (outward != null) {
            g.writeFieldName(FieldNames.ADDRESS);
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName(FieldNames.POSTAL_CODE);
            g.writeString(outward);
            g.writeEndObject();
            g.writeEndArray();
        }
        end();
        patients++;
    }

    public void episode(String id, String patient, String service, String referralMonth, @Nullable Integer age,
            @Nullable Long lengthDays) throws IOException {
        begin("EpisodeOfCare", id);
        if (age != null || lengthDays != null) {
            g.writeFieldName(FieldNames.EXTENSION);
            g.writeStartArray();
            if (age != null) {
                extensionInteger(FieldNames.EXT_AGE, age);
            }
            if (lengthDays != null) {
                extensionInteger(FieldNames.EXT_LENGTH, lengthDays);
            }
            g.writeEndArray();
        }
        g.writeFieldName(FieldNames.STATUS);
        g.writeString(lengthDays == null ? "active" : "finished");
        if (SERVICE.matcher(service).matches()) {
            g.writeFieldName(FieldNames.TYPE);
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName(FieldNames.CODING);
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName(FieldNames.SYSTEM);
            g.writeString(FieldNames.CS_SERVICE);
            g.writeFieldName(FieldNames.CODE);
            g.writeString(service);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        reference(FieldNames.PATIENT, patientRef.of(patient));
        g.writeFieldName(FieldNames.PERIOD);
        g.writeStartObject();
        g.writeFieldName(FieldNames.START);
        g.writeString(referralMonth);
        g.writeEndObject();
        end();
        episodes++;
    }

    public void encounter(String id, String patient, @Nullable String episode, When when) throws IOException {
        begin("Encounter", id);
        days(when);
        g.writeFieldName(FieldNames.STATUS);
        g.writeString("finished");
        coding(FieldNames.CLASS, FieldNames.CS_ACT, "AMB");
        reference(FieldNames.SUBJECT, patientRef.of(patient));
        if (episode != null) {
            g.writeFieldName(FieldNames.EPISODE_OF_CARE);
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName(FieldNames.REFERENCE);
            g.writeString(episodeRef.of(episode));
            g.writeEndObject();
            g.writeEndArray();
        }
        if (when.month() != null) {
            g.writeFieldName(FieldNames.PERIOD);
            g.writeStartObject();
            g.writeFieldName(FieldNames.START);
            g.writeString(when.month());
            g.writeEndObject();
        }
        end();
        encounters++;
    }

    /** @return answers dropped (free text, codes the Questionnaire does not define, unknown items) */
    public int response(String id, Measure m, String patient, String encounter, When when, StoredJson.Response qr)
            throws IOException {
        begin("QuestionnaireResponse", id);
        days(when);
        g.writeFieldName(FieldNames.QUESTIONNAIRE);
        g.writeString(m.canonical());
        g.writeFieldName(FieldNames.STATUS);
        g.writeString("amended".equals(qr.status()) ? "amended" : "completed");
        reference(FieldNames.SUBJECT, patientRef.of(patient));
        reference(FieldNames.ENCOUNTER, encounterRef.of(encounter));
        if (when.month() != null) {
            g.writeFieldName(FieldNames.AUTHORED);
            g.writeString(when.month());
        }
        int dropped = new QuestionnaireItems(g, m).write(qr.items());
        end();
        responses++;
        return dropped;
    }

    /** One Observation per scale the rules define that the score set holds; a missing score carries its reason. */
    public void observations(Pseudonyms ids, String responseId, Measure m, String patient, String encounter,
            String response, When when, List<StoredJson.Scale> scales) throws IOException {
        for (StoredJson.Scale s : scales) {
            SerializableString code = m.scaleCode(s.id());
            if (code != null) {
                observation(ids.resource("Observation", responseId + "\u0000" + s.id()), m, s.id(), code, s,
                        patient, encounter, response, when);
            }
        }
    }

    private void observation(String id, Measure m, String scale, SerializableString code, StoredJson.Scale s,
            String patient, String encounter, String response, When when) throws IOException {
        begin("Observation", id);
        days(when);
        g.writeFieldName(FieldNames.STATUS);
        g.writeString("final");
        g.writeFieldName(FieldNames.CODE);
        g.writeRawValue(code);
        reference(FieldNames.SUBJECT, patientRef.of(patient));
        reference(FieldNames.ENCOUNTER, encounterRef.of(encounter));
        if (when.month() != null) {
            g.writeFieldName(FieldNames.EFFECTIVE_DATE_TIME);
            g.writeString(when.month());
        }
        BigDecimal value = s.value();
        if (value != null) {
            value(m, scale, value);
            interpretation(m, s.bands());
        } else {
            String reason = s.missingReason();
            g.writeFieldName(FieldNames.DATA_ABSENT_REASON);
            g.writeStartObject();
            g.writeFieldName(FieldNames.CODING);
            g.writeStartArray();
            codingObject(FieldNames.CS_MISSING, MISSING_REASONS.contains(reason) ? reason : "UNKNOWN");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeFieldName(FieldNames.DERIVED_FROM);
        g.writeStartArray();
        g.writeStartObject();
        g.writeFieldName(FieldNames.REFERENCE);
        g.writeString(responseRef.of(response));
        g.writeEndObject();
        g.writeEndArray();
        end();
        observations++;
    }

    private void value(Measure m, String scale, BigDecimal value) throws IOException {
        if (m.decimalScales().contains(scale) || !isWhole(value)) {
            g.writeFieldName(FieldNames.VALUE_QUANTITY);
            g.writeStartObject();
            g.writeFieldName(FieldNames.VALUE);
            g.writeNumber(value);
            g.writeEndObject();
        } else {
            g.writeFieldName(FieldNames.VALUE_INTEGER);
            g.writeNumber(value.intValueExact());
        }
    }

    /** A whole number that fits valueInteger (FHIR's integer is 32-bit). */
    private static boolean isWhole(BigDecimal v) {
        if (v.signum() != 0 && v.scale() > 0 && v.stripTrailingZeros().scale() > 0) {
            return false;
        }
        return v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0;
    }

    private void interpretation(Measure m, List<StoredJson.Band> bands) throws IOException {
        boolean open = false;
        for (StoredJson.Band b : bands) {
            SerializableString encoded = m.band(b.scheme(), b.label());
            if (encoded == null) {
                continue;
            }
            if (!open) {
                g.writeFieldName(FieldNames.INTERPRETATION);
                g.writeStartArray();
                open = true;
            }
            band(b.scheme(), b.label(), encoded);
        }
        if (open) {
            g.writeEndArray();
        }
    }

    /**
     * Writes one interpretation element: the band's coding in OpenROM's band CodeSystem, {@code <scheme>:<label>}
     * from the rules, as {@link #encodeBand} encoded it when the catalogue loaded.
     */
    protected void band(String scheme, String label, SerializableString encoded) throws IOException {
        g.writeRawValue(encoded);
    }

    /** The interpretation element of a band (written by {@link #band}): its coding in the band CodeSystem. */
    static SerializableString encodeBand(String scheme, String label) {
        return encode(g -> {
            g.writeStartObject();
            g.writeFieldName(FieldNames.CODING);
            g.writeStartArray();
            codingObject(g, FieldNames.CS_BAND, scheme + ":" + label);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** An Observation's code for a scale: OpenROM's scale code, then the standard codings the measure data give. */
    static SerializableString encodeScaleCode(String measureId, String scale, List<Coding> standard) {
        return encode(g -> {
            g.writeStartObject();
            g.writeFieldName(FieldNames.CODING);
            g.writeStartArray();
            codingObject(g, FieldNames.CS_SCALE, measureId + "." + scale);
            for (Coding c : standard) {
                g.writeStartObject();
                g.writeFieldName(FieldNames.SYSTEM);
                g.writeString(c.system());
                g.writeFieldName(FieldNames.CODE);
                g.writeString(c.code());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private interface Encoding {
        void write(JsonGenerator g) throws IOException;
    }

    private static SerializableString encode(Encoding encoding) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                encoding.write(g);
            }
            return new SerializedString(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BatchCounts counts() {
        return new BatchCounts(patients, episodes, encounters, responses, observations);
    }

    private void begin(String type, String id) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FieldNames.RESOURCE_TYPE);
        g.writeString(type);
        g.writeFieldName(FieldNames.ID);
        g.writeString(id);
    }

    private void end() throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private void days(When when) throws IOException {
        if (when.daysSinceReferral() != null) {
            g.writeFieldName(FieldNames.EXTENSION);
            g.writeStartArray();
            extensionInteger(FieldNames.EXT_DAYS, when.daysSinceReferral());
            g.writeEndArray();
        }
    }

    private void extensionInteger(SerializableString url, long value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FieldNames.URL);
        g.writeString(url);
        g.writeFieldName(FieldNames.VALUE_INTEGER);
        g.writeNumber(value);
        g.writeEndObject();
    }

    private void reference(SerializableString field, SerializableString ref) throws IOException {
        g.writeFieldName(field);
        g.writeStartObject();
        g.writeFieldName(FieldNames.REFERENCE);
        g.writeString(ref);
        g.writeEndObject();
    }

    /**
     * The last reference of one resource type, encoded once: a young person's resources all name the same Patient,
     * and a response's Observations the same Encounter and QuestionnaireResponse.
     */
    private static final class Ref {
        private final String prefix;
        private @Nullable String id;
        private SerializableString encoded = new SerializedString("");

        Ref(String type) {
            this.prefix = type + "/";
        }

        SerializableString of(String id) {
            if (!id.equals(this.id)) {
                this.id = id;
                encoded = new SerializedString(prefix + id);
            }
            return encoded;
        }
    }

    private void coding(SerializableString field, SerializableString system, String code) throws IOException {
        g.writeFieldName(field);
        g.writeStartObject();
        g.writeFieldName(FieldNames.SYSTEM);
        g.writeString(system);
        g.writeFieldName(FieldNames.CODE);
        g.writeString(code);
        g.writeEndObject();
    }

    private void codingObject(SerializableString system, String code) throws IOException {
        codingObject(g, system, code);
    }

    private static void codingObject(JsonGenerator g, SerializableString system, String code) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FieldNames.SYSTEM);
        g.writeString(system);
        g.writeFieldName(FieldNames.CODE);
        g.writeString(code);
        g.writeEndObject();
    }

    /** Flushes the generator into the stream (does not close the stream). */
    @Override
    public void close() throws IOException {
        g.close();
    }
}
