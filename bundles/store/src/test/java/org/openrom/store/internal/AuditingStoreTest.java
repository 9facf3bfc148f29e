package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.store.internal.TestResponses.response;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.store.AuditEntry;
import org.openrom.api.store.SaveOutcome;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/** The audit actor on saves and audited views (API 1.1.0), on a real SQLite file. */
class AuditingStoreTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("openrom.db");
    }

    @Test
    void namesTheSigningInUserOnASaveAndWritesNoRowForARepeat() throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThat(store.save(response("qr-1"), "clinician")).isEqualTo(SaveOutcome.STORED);
            assertThat(store.save(response("qr-1"), "clinician2")).isEqualTo(SaveOutcome.ALREADY_STORED);
            assertThat(store.save(response("qr-2"))).isEqualTo(SaveOutcome.STORED);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT actor || ' ' || action || ' ' || object FROM audit ORDER BY seq"))
                    .containsExactly("clinician response.stored response/qr-1", "system response.stored response/qr-2");
            assertThat(raw.count("SELECT count(*) FROM outbox")).isEqualTo(2);
        }
    }

    @Test
    void readsBackTheRowsAboutOneThingAfterARestartOldestFirstUsingTheIndex() throws Exception {
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        TestClock clock = new TestClock(t0);
        try (SqliteResponseStore store = new SqliteResponseStore(db(), clock, Migrator.bundled())) {
            store.audit("clinician", "acknowledge-risk", "response/qr-1");
            clock.advance(java.time.Duration.ofMinutes(5));
            store.audit("clinician2", "acknowledge-risk", "response/qr-1");
            store.audit("clinician", "acknowledge-risk", "response/qr-2");
            store.audit("clinician", "progress.viewed", "response/qr-1");
        }
        try (SqliteResponseStore store = new SqliteResponseStore(db(), clock, Migrator.bundled())) {
            assertThat(store.audited("acknowledge-risk", "response/qr-1")).containsExactly(
                    new AuditEntry(t0, "clinician", "acknowledge-risk", "response/qr-1"),
                    new AuditEntry(t0.plusSeconds(300), "clinician2", "acknowledge-risk", "response/qr-1"));
            assertThat(store.audited("acknowledge-risk", "response/qr-3")).isEmpty();
            assertThatThrownBy(() -> store.audited("acknowledge-risk", "response/<script>"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (RawDb raw = RawDb.open(db());
                java.sql.ResultSet plan = raw.connection().createStatement().executeQuery("EXPLAIN QUERY PLAN"
                        + " SELECT at, actor FROM audit WHERE object = 'response/qr-1' AND action = 'acknowledge-risk'"
                        + " ORDER BY seq")) {
            StringBuilder details = new StringBuilder();
            while (plan.next()) {
                details.append(plan.getString("detail")).append('\n');
            }
            assertThat(details).as("the lookup does not scan the log").contains("USING INDEX audit_by_object")
                    .doesNotContain("USE TEMP B-TREE");
        }
    }

    @Test
    void appendsAViewToTheHashChainDurably() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        try (SqliteResponseStore store = new SqliteResponseStore(db(), clock, Migrator.bundled())) {
            store.save(response("qr-1"), "clinician");
            store.audit("clinician", "progress.viewed", "patient/demo-1/progress/phq9");
            store.audit("clinician", "patient.listed", "patient/demo-2");
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT at || ' ' || actor || ' ' || action || ' ' || object FROM audit ORDER BY seq"))
                    .containsExactly(
                            "2026-11-22T10:00:00.000000000Z clinician response.stored response/qr-1",
                            "2026-11-22T10:00:00.000000000Z clinician progress.viewed patient/demo-1/progress/phq9",
                            "2026-11-22T10:00:00.000000000Z clinician patient.listed patient/demo-2");
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
        }
    }

    @Test
    void refusesFreeTextInActionOrObjectNamingTheValue() throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThatThrownBy(() -> store.audit("clinician", "viewed", "I feel low most days"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'I feel low most days'");
            assertThatThrownBy(() -> store.audit("clinician", "Progress Viewed", "patient/1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Progress Viewed'");
            assertThatThrownBy(() -> store.audit(" ", "progress.viewed", "patient/1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("actor");
            assertThatThrownBy(() -> store.save(response("qr-1"), "line\nbreak"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.find("qr-1")).isEmpty();
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("SELECT count(*) FROM audit")).isZero();
        }
    }

    @Test
    void aFailedAuditAppendsNothingAndTheStoreStaysUsable() throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            store.audit("clinician", "patient.listed", "patient/demo-1");
            try (RawDb raw = RawDb.open(db())) {
                raw.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit WHEN NEW.object = 'patient/bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END");
            }
            assertThatThrownBy(() -> store.audit("clinician", "patient.listed", "patient/bad"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("injected audit failure");
            store.audit("clinician", "patient.listed", "patient/demo-2");
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT object FROM audit ORDER BY seq")).containsExactly("patient/demo-1", "patient/demo-2");
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
        }
    }

    @Test
    void failsAnAuditAfterClose() throws Exception {
        CloseableResponseStore store = SqliteStores.open(db());
        store.close();
        assertThatThrownBy(() -> store.audit("clinician", "patient.listed", "patient/demo-1"))
                .isInstanceOf(IllegalStateException.class);
    }
}
