package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.store.internal.TestResponses.response;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.store.SaveOutcome;
import org.openrom.api.store.StoreStatus;
import org.openrom.api.store.StoredResponse;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

class SqliteResponseStoreTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data").resolve("openrom.db");
    }

    @Test
    void roundTripsAResponseThroughTheFile() throws Exception {
        StoredResponse saved = response("qr-1");
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThat(store.save(saved)).isEqualTo(SaveOutcome.STORED);
            assertThat(store.find("qr-1")).contains(saved);
        }
        try (CloseableResponseStore reopened = SqliteStores.open(db())) {
            assertThat(reopened.find("qr-1")).contains(saved);
            assertThat(reopened.find("qr-unknown")).isEmpty();
        }
    }

    @Test
    void keepsEpisodeNullAndInstantsToTheNanosecond() throws Exception {
        Instant authored = Instant.parse("2026-11-22T09:30:00.123456789Z");
        StoredResponse r = new StoredResponse("qr-n", "p", null, "gad7", authored, "{}", "{}");
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            store.save(r);
            assertThat(store.find("qr-n")).contains(r);
        }
    }

    @Test
    void storesARepeatedResponseIdOnceAndKeepsTheFirst() throws Exception {
        StoredResponse first = response("qr-1");
        StoredResponse repeat = new StoredResponse("qr-1", "patient-2", null, "gad7", Instant.EPOCH, "{}", "{}");
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThat(store.save(first)).isEqualTo(SaveOutcome.STORED);
            assertThat(store.save(repeat)).isEqualTo(SaveOutcome.ALREADY_STORED);
            assertThat(store.find("qr-1")).contains(first);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("SELECT count(*) FROM response")).isEqualTo(1);
            assertThat(raw.count("SELECT count(*) FROM outbox")).isEqualTo(1);
            assertThat(raw.count("SELECT count(*) FROM audit")).isEqualTo(1);
        }
    }

    @Test
    void writesTheResponseItsOutboxRowAndAnAuditRowTogether() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        try (SqliteResponseStore store = new SqliteResponseStore(db(), clock, Migrator.bundled())) {
            store.save(response("qr-1"));
            store.save(response("qr-2"));
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT response_id || ' ' || state || ' ' || created_at FROM outbox ORDER BY seq"))
                    .containsExactly("qr-1 pending 2026-11-22T10:00:00.000000000Z",
                            "qr-2 pending 2026-11-22T10:00:00.000000000Z");
            assertThat(raw.column("SELECT actor || ' ' || action || ' ' || object FROM audit ORDER BY seq"))
                    .containsExactly("system response.stored response/qr-1", "system response.stored response/qr-2");
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
        }
    }

    @Test
    void leavesNothingBehindWhenPartOfASaveFails() throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            store.save(response("qr-ok"));
            try (RawDb raw = RawDb.open(db())) {
                raw.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox WHEN NEW.response_id = 'qr-bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'injected outbox failure'); END");
            }
            assertThatThrownBy(() -> store.save(response("qr-bad")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot save response qr-bad")
                    .hasMessageContaining("injected outbox failure");
            assertThat(store.find("qr-bad")).isEmpty();
            assertThat(store.save(response("qr-after"))).isEqualTo(SaveOutcome.STORED);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT response_id FROM response ORDER BY rowid")).containsExactly("qr-ok", "qr-after");
            // Control: the same two inserts without the store's transaction leave the response half saved,
            // so the injected failure really strikes after the response row was written.
            raw.exec("INSERT INTO response VALUES ('qr-bad', 'p', NULL, 'phq9', '2026-11-22T09:30:00.000000000Z',"
                    + " '{}', '{}', '2026-11-22T09:30:00.000000000Z')");
            assertThatThrownBy(() -> raw.exec("INSERT INTO outbox (response_id, created_at) VALUES ('qr-bad', 'x')"))
                    .isInstanceOf(SQLException.class);
            assertThat(raw.count("SELECT count(*) FROM response WHERE response_id = 'qr-bad'")).isEqualTo(1);
            assertThat(raw.count("SELECT count(*) FROM outbox WHERE response_id = 'qr-bad'")).isZero();
        }
    }

    @Test
    void listsAYoungPersonsResponsesOldestFirst() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            store.save(response("late", "p1", "phq9", t.plusSeconds(60)));
            store.save(response("half-second", "p1", "gad7", t.plusMillis(500)));
            store.save(response("first", "p1", "phq9", t));
            store.save(response("other-patient", "p2", "phq9", t));
            store.save(response("same-time-later-saved", "p1", "phq9", t));

            assertThat(ids(store.responses("p1", null)))
                    .containsExactly("first", "same-time-later-saved", "half-second", "late");
            assertThat(ids(store.responses("p1", "phq9"))).containsExactly("first", "same-time-later-saved", "late");
            assertThat(store.responses("p3", null)).isEmpty();
        }
    }

    private static List<String> ids(List<StoredResponse> responses) {
        return responses.stream().map(StoredResponse::responseId).toList();
    }

    @Test
    void reportsWalQuickCheckOkAndTheSchemaVersion() throws Exception {
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThat(store.status()).isEqualTo(new StoreStatus(true, Migrator.SCRIPTS.size(), "ok", "wal"));
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.single("PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void statusReusesItsQuickCheckForFiveMinutesThenFindsCorruption() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
        try (SqliteResponseStore store = new SqliteResponseStore(db(), clock, Migrator.bundled())) {
            for (int i = 0; i < 300; i++) {
                store.save(response("qr-" + i));
            }
            try (RawDb raw = RawDb.open(db())) {
                raw.single("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            Corruption.overwritePages(db(), 10, 20);

            clock.advance(QuickCheck.MAX_AGE.minusSeconds(1));
            assertThat(store.status().quickCheck()).as("cached answer").isEqualTo("ok");

            clock.advance(java.time.Duration.ofSeconds(2));
            StoreStatus status = store.status();
            assertThat(status.ok()).isFalse();
            assertThat(status.quickCheck()).isNotEqualTo("ok").isNotBlank();
        }
    }

    @Test
    void failsCallsAfterCloseAndClosesTwiceQuietly() throws Exception {
        CloseableResponseStore store = SqliteStores.open(db());
        store.close();
        store.close();
        assertThatThrownBy(() -> store.save(response("qr-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.find("qr-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsARelativePath() {
        assertThatThrownBy(() -> SqliteStores.open(Path.of("data/openrom.db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data/openrom.db");
    }

    @Test
    void rejectsAnAuthoredTimeOutsideFourDigitYears() throws Exception {
        StoredResponse r = response("qr-far", "p", "phq9", Instant.parse("+12026-01-01T00:00:00Z"));
        try (CloseableResponseStore store = SqliteStores.open(db())) {
            assertThatThrownBy(() -> store.save(r))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("authored")
                    .hasMessageContaining("+12026-01-01T00:00:00Z");
        }
    }
}
