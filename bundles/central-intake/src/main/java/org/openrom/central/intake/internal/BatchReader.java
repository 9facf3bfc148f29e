package org.openrom.central.intake.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the signed ZIP: {@code manifest.json} then {@code payload.ndjson.gz}, both STORED, nothing else. The
 * payload is streamed line by line into the store's sink: each resource checked against the allow-list and its
 * patient pseudonyms re-keyed; its bytes, lines, SHA-256 and counts are compared with the manifest at the end
 * (the transaction rolls back when they differ).
 */
final class BatchReader implements AutoCloseable {
    static final int MAX_MANIFEST_BYTES = 64 * 1024;
    static final int MAX_LINE_BYTES = 1024 * 1024;

    /** What the payload held. */
    record Payload(Map<String, Long> counts, long lines) {}

    private final ZipInputStream zip;
    private final ObjectMapper json;
    private final Manifest manifest;

    BatchReader(Path zipFile, ObjectMapper json) throws IntakeException, IOException {
        this.zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zipFile), 64 * 1024));
        this.json = json;
        boolean ok = false;
        try {
            entry("manifest.json");
            this.manifest = Manifest.parse(readManifest(), json);
            ok = true;
        } finally {
            if (!ok) {
                zip.close();
            }
        }
    }

    Manifest manifest() {
        return manifest;
    }

    private void entry(String expected) throws IntakeException {
        ZipEntry e;
        try {
            e = zip.getNextEntry();
        } catch (IOException ex) {
            throw new IntakeException(ErrorCode.BAD_ZIP, "the signed content is not a readable ZIP: " + ex.getMessage());
        }
        if (e == null || !e.getName().equals(expected)) {
            throw new IntakeException(ErrorCode.BAD_ZIP, "ZIP entry " + (e == null ? "missing" : "'" + e.getName() + "'")
                    + " where " + expected + " must come (entries: manifest.json, payload.ndjson.gz, in that order)");
        }
        if (e.getMethod() != ZipEntry.STORED) {
            throw new IntakeException(ErrorCode.BAD_ZIP, "ZIP entry " + expected + " is compressed; it must be STORED");
        }
    }

    private byte[] readManifest() throws IntakeException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = zip.read(buf)) != -1; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_MANIFEST_BYTES) {
                    throw new IntakeException(ErrorCode.BAD_MANIFEST, "manifest.json is over " + MAX_MANIFEST_BYTES + " bytes");
                }
            }
        } catch (ZipException e) {
            throw new IntakeException(ErrorCode.BAD_ZIP, "manifest.json entry is damaged: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /** Streams the payload into {@code sink}; checks it against the manifest. */
    Payload ingest(Pseudonyms pseudonyms, ResourceRules rules, CollatorStore.RecordSink sink)
            throws IntakeException, IOException, SQLException {
        entry(Manifest.PAYLOAD_NAME);
        MessageDigest sha = Hex.sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(zip, sha));
        Map<String, Long> counts = new TreeMap<>();
        long lines = 0;
        try (InputStream gz = new BufferedInputStream(new GZIPInputStream(counted, 64 * 1024), 64 * 1024)) {
            for (byte[] line; (line = readLine(gz, lines + 1)) != null; ) {
                lines++;
                ObjectNode resource = parse(line, lines);
                String type = rules.check(resource, lines);
                String patient = rekey(resource, type, pseudonyms, lines);
                sink.put(type, resource.get("id").asText(), patient, json.writeValueAsString(resource));
                counts.merge(type, 1L, Long::sum);
            }
        } catch (ZipException e) {
            throw new IntakeException(ErrorCode.BAD_ZIP, "payload entry is damaged: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new IntakeException(ErrorCode.BAD_PAYLOAD, "payload.ndjson.gz is truncated: " + e.getMessage());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("GZIP")) {
                throw new IntakeException(ErrorCode.BAD_PAYLOAD, "payload.ndjson.gz is not gzip: " + e.getMessage());
            }
            throw e;
        }
        counted.drain();
        checkAgainstManifest(Hex.of(sha.digest()), counted.count, lines, counts);
        try {
            if (zip.getNextEntry() != null) {
                throw new IntakeException(ErrorCode.BAD_ZIP, "the ZIP has entries after payload.ndjson.gz");
            }
        } catch (ZipException e) {
            throw new IntakeException(ErrorCode.BAD_ZIP, "the ZIP is damaged after the payload: " + e.getMessage());
        }
        return new Payload(counts, lines);
    }

    private void checkAgainstManifest(String sha, long bytes, long lines, Map<String, Long> counts) throws IntakeException {
        if (!sha.equals(manifest.payloadSha256())) {
            throw new IntakeException(ErrorCode.PAYLOAD_HASH_MISMATCH,
                    "payload SHA-256 is " + sha + ", the manifest says " + manifest.payloadSha256());
        }
        if (bytes != manifest.payloadBytes() || lines != manifest.payloadLines()) {
            throw new IntakeException(ErrorCode.PAYLOAD_SIZE_MISMATCH, "payload has " + bytes + " bytes and " + lines
                    + " lines, the manifest says " + manifest.payloadBytes() + " bytes and " + manifest.payloadLines() + " lines");
        }
        Map<String, Long> declared = new TreeMap<>(manifest.counts());
        declared.values().removeIf(v -> v == 0);
        if (!declared.equals(counts)) {
            throw new IntakeException(ErrorCode.COUNTS_MISMATCH,
                    "payload holds " + counts + ", the manifest's counts say " + manifest.counts());
        }
    }

    private ObjectNode parse(byte[] line, long n) throws IntakeException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IntakeException(ErrorCode.RESOURCE_NOT_JSON, "line " + n + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IntakeException(ErrorCode.RESOURCE_NOT_JSON, "line " + n + " cannot be read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode o)) {
            throw new IntakeException(ErrorCode.RESOURCE_NOT_JSON, "line " + n + " is not a JSON object");
        }
        return o;
    }

    /** Replaces P_site by P_central in Patient.id and every {@code Patient/…} reference; returns the patient's P_central. */
    private static @Nullable String rekey(ObjectNode resource, String type, Pseudonyms p, long line) throws IntakeException {
        String[] patient = {null};
        if (type.equals("Patient")) {
            patient[0] = p.central(resource.get("id").asText());
            resource.put("id", patient[0]);
            // The pseudonym identifier (checked by ResourceRules: value = id) is re-keyed with it: P_site is never stored.
            JsonNode identifier = resource.get("identifier");
            if (identifier != null && identifier.get(0) instanceof ObjectNode pseudonym) {
                pseudonym.put("value", patient[0]);
            }
        }
        rekeyReferences(resource, p, patient, line);
        return patient[0];
    }

    private static void rekeyReferences(JsonNode node, Pseudonyms p, @Nullable String[] patient, long line) throws IntakeException {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (e.getKey().equals("reference") && v.isTextual() && v.asText().startsWith("Patient/")) {
                    String site = v.asText().substring("Patient/".length());
                    if (!ResourceRules.FHIR_ID.matcher(site).matches()) {
                        throw new IntakeException(ErrorCode.BAD_ID, "line " + line + ": a Patient reference is not Patient/<id>");
                    }
                    String central = p.central(site);
                    e.setValue(TextNode.valueOf("Patient/" + central));
                    if (patient[0] == null) {
                        patient[0] = central;
                    }
                } else {
                    rekeyReferences(v, p, patient, line);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                rekeyReferences(n, p, patient, line);
            }
        }
    }

    private static byte @Nullable [] readLine(InputStream in, long n) throws IOException, IntakeException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IntakeException(ErrorCode.BAD_PAYLOAD, "line " + n + " is over " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        if (line.size() == 0) {
            throw new IntakeException(ErrorCode.BAD_PAYLOAD, "line " + n + " is blank (NDJSON has no blank lines)");
        }
        if (b == -1) {
            throw new IntakeException(ErrorCode.BAD_PAYLOAD, "the last line (" + n + ") does not end with \\n");
        }
        return line.toByteArray();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts the gzip bytes read from the ZIP entry. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // The ZIP stream stays open for the next entry.
        }

        void drain() throws IOException {
            byte[] buf = new byte[8192];
            while (read(buf, 0, buf.length) != -1) {
                // bytes after the gzip trailer still count and are hashed
            }
        }
    }
}
