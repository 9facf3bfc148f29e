package org.openrom.agent.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

    @TempDir
    static Path dir;

    static SealFixture fixture;
    static SealedBatch sealed;
    static OpenedBatch opened;

    @BeforeAll
    static void sealOnce() throws Exception {
        fixture = new SealFixture(dir, 6, 4);
        sealed = new Sealer().seal(fixture.request(dir.resolve("out")).build());
        opened = OpenedBatch.open(sealed.file(), fixture.pki);
    }

    @Test
    void sealedBatchOpensWithTheCollatorKeyAndVerifiesWithTheSiteCertificate() throws Exception {
        assertThat(opened.entryNames()).containsExactly("manifest.json", "payload.ndjson.gz");
        assertThat(opened.methods()).containsOnly(ZipEntry.STORED);
        assertThat(opened.signerSubject()).contains("CN=RXX01");
        assertThat(sealed.file()).hasFileName(sealed.batchId() + ".p7m");
        assertThat(Files.list(sealed.file().getParent()).map(p -> p.getFileName().toString()).toList())
                .containsExactly(sealed.batchId() + ".p7m");
        assertThat(sealed.sha256()).isEqualTo(sha256(Files.readAllBytes(sealed.file())));
    }

    @Test
    void manifestMatchesThePayloadAndTheRequest() throws Exception {
        JsonNode m = opened.manifest();
        assertThat(fieldNames(m)).containsExactly("schema", "site", "batchId", "sequence", "quarter", "created",
                "recipient", "profiles", "counts", "payload");
        assertThat(m.path("schema").asText()).isEqualTo("openrom-batch/1");
        assertThat(m.path("site").asText()).isEqualTo("RXX01");
        assertThat(m.path("batchId").asText()).isEqualTo(sealed.batchId().toString());
        assertThat(m.path("created").asText()).isEqualTo(fixture.created.toString());
        assertThat(m.path("recipient").path("collator").asText()).isEqualTo("collator.test");
        assertThat(m.path("recipient").path("certificates").get(0).asText())
                .isEqualTo(sha256(fixture.pki.collatorCert.getEncoded()));
        assertThat(m.path("profiles").asText()).startsWith("org.openrom.profiles ");
        assertThat(m.path("payload").path("sha256").asText()).isEqualTo(opened.payloadSha256());
        assertThat(m.path("payload").path("bytes").asLong()).isEqualTo(opened.payloadGzip().length);
        List<JsonNode> resources = opened.resources();
        assertThat(m.path("payload").path("lines").asLong()).isEqualTo(resources.size());
        assertThat(opened.ndjson()).endsWith("\n").doesNotContain("\n\n");
        Map<String, Integer> byType = new HashMap<>();
        resources.forEach(r -> byType.merge(r.path("resourceType").asText(), 1, Integer::sum));
        for (String type : List.of("Patient", "EpisodeOfCare", "Encounter", "QuestionnaireResponse", "Observation")) {
            assertThat(m.path("counts").path(type).asInt()).as(type).isEqualTo(byType.getOrDefault(type, 0));
        }
        assertThat(byType).containsEntry("Patient", 6).containsEntry("EpisodeOfCare", 6)
                .containsEntry("QuestionnaireResponse", 24);
        assertThat(sealed.rows()).isEqualTo(24);
        assertThat(sealed.lastSeq()).isEqualTo(24);
    }

    @Test
    void nothingTheSiteHoldsAboutAPersonLeaves() throws Exception {
        String ndjson = opened.ndjson();
        List<String> forbidden = new ArrayList<>(List.of("Practitioner", "nickname", "I want to talk", "<div>",
                "display", "text", "author", "birthDate", "name", "pat-", "epi-", "resp-", "Leeds CAMHS x"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fixture.db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nhs_number, given_name, family_name, birth_date, postcode FROM patient")) {
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    forbidden.add(rs.getString(i));
                }
                forbidden.add(rs.getString(5).replace(" ", ""));
            }
        }
        assertThat(forbidden).hasSizeGreaterThan(30);
        for (String f : forbidden) {
            assertThat(ndjson).as("payload must not contain %s", f).doesNotContainIgnoringCase(f);
        }
    }

    @Test
    void resourcesCarryOnlyAllowListedElements() throws Exception {
        Map<String, Set<String>> allowed = Map.of(
                "Patient", Set.of("resourceType", "id", "extension", "identifier", "gender", "address"),
                "EpisodeOfCare", Set.of("resourceType", "id", "extension", "status", "type", "patient", "period"),
                "Encounter", Set.of("resourceType", "id", "extension", "status", "class", "subject", "episodeOfCare", "period"),
                "QuestionnaireResponse", Set.of("resourceType", "id", "extension", "questionnaire", "status", "subject",
                        "encounter", "authored", "item"),
                "Observation", Set.of("resourceType", "id", "extension", "status", "code", "subject", "encounter",
                        "effectiveDateTime", "valueInteger", "valueQuantity", "interpretation", "dataAbsentReason", "derivedFrom"));
        for (JsonNode r : opened.resources()) {
            assertThat(allowed.get(r.path("resourceType").asText())).containsAll(fieldNames(r));
            assertThat(r.path("id").asText()).matches(r.path("resourceType").asText().equals("Patient") ? "[0-9a-f]{64}" : "[0-9a-f]{32}");
            for (JsonNode item : r.path("item").findParents("answer")) {
                for (JsonNode a : item.path("answer")) {
                    assertThat(fieldNames(a)).allMatch(f -> Set.of("valueCoding", "valueInteger", "valueDecimal").contains(f));
                }
            }
        }
    }

    @Test
    void anEmptySelectionIsRefusedAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("empty");
        SealRequest r = fixture.request(out).selection(new Selection(fixture.db, 1_000_000, SealFixture.Q1,
                java.time.ZoneId.of("Europe/London"))).build();
        assertThatThrownBy(() -> new Sealer().seal(r)).isInstanceOf(SealException.class)
                .hasMessageStartingWith("AG-2006");
        assertThat(Files.list(out)).isEmpty();
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
