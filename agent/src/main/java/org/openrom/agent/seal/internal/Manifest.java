package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.openrom.agent.seal.BatchCounts;
import org.openrom.agent.seal.SealRequest;
import org.openrom.profiles.Profiles;

/** The manifest, field by field in the order ADR 0004 shows. */
public final class Manifest {

    public static final String SCHEMA = "openrom-batch/1";
    public static final String PAYLOAD_NAME = "payload.ndjson.gz";

    private Manifest() {}

    /** The manifest as UTF-8 JSON bytes. */
    public static byte[] json(SealRequest r, BatchCounts counts, long lines, PayloadFile payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("site", r.siteId());
            g.writeStringField("batchId", r.batchId().toString());
            g.writeNumberField("sequence", r.sequence());
            g.writeObjectFieldStart("quarter");
            g.writeStringField("id", r.selection().quarter().id());
            g.writeStringField("start", r.selection().quarter().start().toString());
            g.writeStringField("end", r.selection().quarter().end().toString());
            g.writeEndObject();
            g.writeStringField("created", r.created().truncatedTo(ChronoUnit.SECONDS).toString());
            g.writeObjectFieldStart("recipient");
            g.writeStringField("collator", commonName(r.recipients().get(0)));
            g.writeArrayFieldStart("certificates");
            for (X509Certificate c : r.recipients()) {
                g.writeString(fingerprint(c));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("profiles", "org.openrom.profiles " + profilesVersion());
            g.writeObjectFieldStart("counts");
            g.writeNumberField("Patient", counts.patients());
            g.writeNumberField("EpisodeOfCare", counts.episodes());
            g.writeNumberField("Encounter", counts.encounters());
            g.writeNumberField("QuestionnaireResponse", counts.responses());
            g.writeNumberField("Observation", counts.observations());
            g.writeEndObject();
            g.writeObjectFieldStart("payload");
            g.writeStringField("name", PAYLOAD_NAME);
            g.writeNumberField("bytes", payload.bytes());
            g.writeNumberField("lines", lines);
            g.writeStringField("sha256", payload.sha256());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest", e);
        }
        return out.toByteArray();
    }

    /** Hex SHA-256 of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot encode certificate " + c.getSubjectX500Principal(), e);
        }
    }

    /** The subject CN of a certificate (the whole subject when it has no CN). */
    public static String commonName(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        try {
            List<Rdn> rdns = new LdapName(dn).getRdns();
            for (Rdn rdn : rdns) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return dn;
        }
        return dn;
    }

    /** The version of the fhir-profiles jar on the class path (from its Maven properties). */
    static String profilesVersion() {
        try (InputStream in = Profiles.class.getResourceAsStream(
                "/META-INF/maven/org.openrom/org.openrom.profiles/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = Profiles.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
