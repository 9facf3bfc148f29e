package org.openrom.central.intake.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;

/**
 * Builds a batch file exactly as ADR 0004 says, with Bouncy Castle: NDJSON → gzip → ZIP (manifest.json,
 * payload.ndjson.gz, both STORED) → SignedData (site key, ECDSA SHA-256, site certificate) → AuthEnvelopedData
 * (AES-256-GCM, RSA-OAEP SHA-256 to the collator certificate). Fields can be changed to build bad batches.
 */
final class TestBatch {
    static final ObjectMapper JSON = new ObjectMapper();

    String site;
    String batchId = UUID.randomUUID().toString();
    long sequence = 1;
    List<String> lines = new ArrayList<>();
    X509Certificate recipientCert;
    String recipientName;
    PrivateKey signerKey;
    X509Certificate signerCert;
    Consumer<ObjectNode> manifestEdit = m -> {};

    TestBatch(TestPki pki, TestPki.TestSite site) {
        this.site = site.id();
        this.recipientCert = pki.keys.collatorCert();
        this.recipientName = pki.keys.collatorName();
        this.signerKey = site.key().getPrivate();
        this.signerCert = site.cert();
    }

    /** {@code patients} young people, each with an episode, an encounter, a response and a score. */
    TestBatch patients(int patients, int seed) {
        for (int i = 0; i < patients; i++) {
            String p = Hex.sha256(("p" + seed + "-" + i).getBytes(StandardCharsets.UTF_8));
            String id = seed + "-" + i;
            // As the agent sends it (docs/batch-format.md): the pseudonym also as identifier, the outward code only.
            lines.add("{\"resourceType\":\"Patient\",\"id\":\"" + p + "\",\"identifier\":[{\"system\":"
                    + "\"http://openrom.org/fhir/sid/pseudonym-nhs\",\"value\":\"" + p + "\"}],\"address\":[{\"postalCode\":\"LS6\"}],"
                    + "\"gender\":\"female\",\"extension\":[{\"url\":"
                    + "\"https://openrom.org/fhir/StructureDefinition/age-at-referral\",\"valueInteger\":14}]}");
            lines.add("{\"resourceType\":\"EpisodeOfCare\",\"id\":\"eoc-" + id + "\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/"
                    + p + "\"}}");
            lines.add("{\"resourceType\":\"Encounter\",\"id\":\"enc-" + id + "\",\"status\":\"finished\",\"class\":{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/" + p + "\"}}");
            lines.add("{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"qr-" + id + "\",\"questionnaire\":"
                    + "\"https://openrom.org/fhir/Questionnaire/phq9\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/"
                    + p + "\"},\"authored\":\"2026-05\",\"item\":[{\"linkId\":\"q1\",\"answer\":[{\"valueCoding\":{\"code\":\"1\"}}]}]}");
            lines.add("{\"resourceType\":\"Observation\",\"id\":\"obs-" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                    + "\"http://loinc.org\",\"code\":\"44261-6\"}]},\"subject\":{\"reference\":\"Patient/" + p
                    + "\"},\"valueInteger\":" + (i % 27) + "}");
        }
        return this;
    }

    byte[] gzip() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            for (String l : lines) {
                out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return gz.toByteArray();
    }

    ObjectNode manifest(byte[] gz) {
        Map<String, Long> counts = new TreeMap<>();
        for (String l : lines) {
            String type = l.replaceAll("^\\{\"resourceType\":\"([A-Za-z]+)\".*$", "$1");
            counts.merge(type, 1L, Long::sum);
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("schema", "openrom-batch/1").put("site", site).put("batchId", batchId).put("sequence", sequence);
        m.putObject("quarter").put("id", "2026-27-Q1").put("start", "2026-04-01").put("end", "2026-06-30");
        m.put("created", Instant.now().toString());
        ObjectNode r = m.putObject("recipient");
        r.put("collator", recipientName);
        r.putArray("certificates").add(Certificates.sha256(recipientCert));
        m.put("profiles", "org.openrom.profiles 0.1.0");
        ObjectNode c = m.putObject("counts");
        counts.forEach(c::put);
        m.putObject("payload").put("name", "payload.ndjson.gz").put("bytes", gz.length).put("lines", lines.size())
                .put("sha256", Hex.sha256(gz));
        manifestEdit.accept(m);
        return m;
    }

    byte[] zip() throws Exception {
        byte[] gz = gzip();
        byte[] manifest = JSON.writeValueAsBytes(manifest(gz));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            stored(out, "manifest.json", manifest);
            stored(out, "payload.ndjson.gz", gz);
        }
        return zip.toByteArray();
    }

    private static void stored(ZipOutputStream out, String name, byte[] bytes) throws Exception {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
    }

    byte[] signed() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Certificates.BC)
                .build("SHA256withECDSA", signerKey, signerCert));
        g.addCertificates(new JcaCertStore(List.of(signerCert)));
        return g.generate(new CMSProcessableByteArray(zip()), true).getEncoded("DER");
    }

    /** The batch file ({@code <batchId>.p7m}). */
    byte[] build() throws Exception {
        return encrypt(opensslForm, signed(), recipientCert);
    }

    /** With {@code opensslForm} the encrypted content type is id-data (no authAttrs), which OpenSSL 3.0 can parse. */
    boolean opensslForm;

    static byte[] encrypt(byte[] signedData, X509Certificate... recipients) throws Exception {
        return encrypt(false, signedData, recipients);
    }

    static byte[] encrypt(boolean opensslForm, byte[] signedData, X509Certificate... recipients) throws Exception {
        CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
        // RFC 5083: authenticated attributes (at least content-type) are required when the content is not id-data.
        if (!opensslForm) g.setAuthenticatedAttributeGenerator(parameters -> new org.bouncycastle.asn1.cms.AttributeTable(
                new org.bouncycastle.asn1.cms.Attribute(org.bouncycastle.asn1.cms.CMSAttributes.contentType,
                        new org.bouncycastle.asn1.DERSet(CMSObjectIdentifiers.signedData))));
        for (X509Certificate r : recipients) {
            OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            g.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(r, new JceAsymmetricKeyWrapper(oaep, r.getPublicKey())
                    .setProvider(Certificates.BC)).setProvider(Certificates.BC));
        }
        return g.generate(new CMSProcessableByteArray(opensslForm ? CMSObjectIdentifiers.data : CMSObjectIdentifiers.signedData, signedData),
                (org.bouncycastle.operator.OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                        .setProvider(Certificates.BC).build()).toASN1Structure().getEncoded("DER");
    }
}
