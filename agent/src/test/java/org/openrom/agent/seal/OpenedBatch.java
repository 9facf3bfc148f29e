package org.openrom.agent.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;

/** Opens a sealed batch as the collator would: decrypt, verify the signature, unzip, check the manifest. */
public record OpenedBatch(JsonNode manifest, byte[] payloadGzip, List<String> entryNames, List<Integer> methods,
        String signerSubject) {

    static final ObjectMapper JSON = new ObjectMapper();

    public static OpenedBatch open(Path file, SealPki pki) throws Exception {
        CMSAuthEnvelopedData enveloped = new CMSAuthEnvelopedData(Files.readAllBytes(file));
        RecipientInformation ri = enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(pki.collatorCert));
        assertThat(ri).as("a recipient info for the collator certificate").isNotNull();
        byte[] inner = ri.getContent(new JceKeyTransAuthEnvelopedRecipient(pki.collator.getPrivate())
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setMinimumTagSize(128));
        CMSSignedData signed = new CMSSignedData(inner);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder cert = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        assertThat(cert.getEncoded()).as("the certificate in the batch is the site's").isEqualTo(pki.siteCert.getEncoded());
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(pki.siteCert))).isTrue();
        byte[] zip = (byte[]) signed.getSignedContent().getContent();
        List<String> names = new ArrayList<>();
        List<Integer> methods = new ArrayList<>();
        byte[] manifest = null;
        byte[] payload = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                methods.add(e.getMethod());
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = content;
                } else {
                    payload = content;
                }
            }
        }
        return new OpenedBatch(JSON.readTree(manifest), payload, names, methods, cert.getSubject().toString());
    }

    public String payloadSha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payloadGzip));
    }

    public String ndjson() throws Exception {
        return ndjson(payloadGzip);
    }

    public static String ndjson(byte[] gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public List<JsonNode> resources() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ndjson().split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
