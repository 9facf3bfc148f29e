package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.seal.OpenedBatch;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealFixture;
import org.openrom.agent.seal.SealRequest;
import org.openrom.agent.seal.SealedBatch;
import org.openrom.agent.seal.SyntheticSite;

/** T31: a serialiser bug that leaks an NHS number into a rules-derived field is stopped by the identifier scan. */
class PlantedIdentifierTest {

    @TempDir
    static Path dir;

    static SealFixture fixture;
    /** Patient 3's NHS number, as the host holds it. */
    static final String PLANTED = SyntheticSite.nhsNumber(3);

    /** Writes the NHS number into the band code of every Observation: a "deliberately broken serialiser". */
    static ResourceWriter broken(java.io.OutputStream out) throws java.io.IOException {
        return new ResourceWriter(out) {
            @Override
            protected void band(String scheme, String label, com.fasterxml.jackson.core.SerializableString encoded)
                    throws java.io.IOException {
                g.writeRawValue(encodeBand(scheme,
                        PLANTED.substring(0, 3) + " " + PLANTED.substring(3, 6) + " " + PLANTED.substring(6)));
            }
        };
    }

    @BeforeAll
    static void site() throws Exception {
        fixture = new SealFixture(dir, 6, 4);
    }

    @Test
    void aPlantedNhsNumberStopsSealingNamingTheKindAndLineButNotTheValue() {
        Path out = dir.resolve("scanned");
        SealRequest r = fixture.request(out).build();
        assertThatThrownBy(() -> new BatchSealing(r, PlantedIdentifierTest::broken, true).run())
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.error()).isEqualTo(SealError.IDENTIFIER_FOUND);
                    assertThat(e.getMessage()).startsWith("AG-2003").contains("NHS number").containsPattern("line [0-9]+")
                            .doesNotContain(PLANTED).doesNotContain(PLANTED.substring(0, 3) + " ");
                });
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void controlWithoutTheScanThePlantedNumberWouldHaveLeft() throws Exception {
        Path out = dir.resolve("unscanned");
        SealedBatch sealed = new BatchSealing(fixture.request(out).build(), PlantedIdentifierTest::broken, false).run();
        String ndjson = OpenedBatch.open(sealed.file(), fixture.pki).ndjson();
        assertThat(ndjson).contains(PLANTED.substring(0, 3) + " " + PLANTED.substring(3, 6) + " " + PLANTED.substring(6));
    }

    @Test
    void theSameSiteWithTheCorrectWriterSeals() throws Exception {
        Path out = dir.resolve("correct");
        SealedBatch sealed = new BatchSealing(fixture.request(out).build()).run();
        assertThat(Files.size(sealed.file())).isPositive();
    }
}
