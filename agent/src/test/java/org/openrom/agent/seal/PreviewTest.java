package org.openrom.agent.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {

    @TempDir
    static Path dir;

    static SealFixture fixture;

    /** 6 young people, 8 responses each over 8 days from 1 May 2026, the 6-measure mix: 2 measures twice each. */
    @BeforeAll
    static void site() throws Exception {
        fixture = new SealFixture(dir, 6, 8);
    }

    @Test
    void previewShowsExactlyThePayloadThatIsSealed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewReport report = Preview.run(fixture.selection(), fixture.pki.linkKey, 30, LocalDate.of(2026, 5, 20), out);
        SealedBatch sealed = new Sealer().seal(fixture.request(dir.resolve("out")).build());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(OpenedBatch.open(sealed.file(), fixture.pki).ndjson());
        assertThat(report.counts()).isEqualTo(sealed.counts());
        assertThat(report.rows()).isEqualTo(48);
        assertThat(report.lastSeq()).isEqualTo(sealed.lastSeq());
    }

    @Test
    void dataQualityCountsPairedMeasuresAndIdleCases() throws Exception {
        PreviewReport soon = Preview.run(fixture.selection(), fixture.pki.linkKey, 30, LocalDate.of(2026, 5, 20),
                new ByteArrayOutputStream());
        assertThat(soon.episodes()).isEqualTo(6);
        assertThat(soon.pairedMeasures()).isEqualTo(12);
        assertThat(soon.episodesWithPairedMeasure()).isEqualTo(6);
        assertThat(soon.completeness()).isEqualTo(1.0);
        assertThat(soon.idleCases()).isZero();
        PreviewReport later = Preview.run(fixture.selection(), fixture.pki.linkKey, 30, LocalDate.of(2026, 8, 1),
                new ByteArrayOutputStream());
        assertThat(later.idleCases()).as("open episodes with no response for 30 days").isEqualTo(6);
    }

    @Test
    void kAnonymityReportCountsSmallGroups() throws Exception {
        PreviewReport r = Preview.run(fixture.selection(), fixture.pki.linkKey, 30, LocalDate.of(2026, 5, 20),
                new ByteArrayOutputStream());
        long patients = r.groupSizes().entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        assertThat(patients).isEqualTo(6);
        assertThat(r.smallestGroup()).isBetween(1L, 6L);
        assertThat(r.patientsInSmallGroups()).as("6 young people cannot make a group of 5 twice").isGreaterThanOrEqualTo(1);
    }
}
