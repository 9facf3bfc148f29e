package org.openrom.web.internal.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

class RiskAcknowledgementsTest {
    @TempDir Path dir;

    @Test
    void anAcknowledgementSurvivesARestartAndTheFirstOneIsShown() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        try (CloseableResponseStore store = SqliteStores.open(dir.resolve("openrom.db"))) {
            RiskAcknowledgements acks = new RiskAcknowledgements(store);
            assertThat(acks.find("qr-1")).isEmpty();
            assertThat(acks.acknowledge(ClinicSite.SAM, "qr-1", t0).displayName()).isEqualTo("Dr Sam Demo");
            assertThat(acks.acknowledge(ClinicSite.ALEX, "qr-1", t0.plusSeconds(60)).clinicianId())
                    .as("a second acknowledgement keeps the first").isEqualTo("clinician");
        }
        try (CloseableResponseStore store = SqliteStores.open(dir.resolve("openrom.db"))) {
            RiskAcknowledgements afterRestart = new RiskAcknowledgements(store);
            assertThat(afterRestart.find("qr-1")).hasValueSatisfying(a -> {
                assertThat(a.clinicianId()).isEqualTo("clinician");
                assertThat(a.displayName()).as("the audit log names the user by id").isEqualTo("clinician");
            });
            assertThat(afterRestart.find("qr-2")).isEmpty();
            assertThat(store.audited(RiskAcknowledgements.ACTION, "response/qr-1")).hasSize(2);
        }
    }
}
