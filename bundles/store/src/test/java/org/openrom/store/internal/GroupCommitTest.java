package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.store.internal.TestResponses.response;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.store.SaveOutcome;

/**
 * Group commit: queued saves share one transaction, each in its own savepoint. The writer is held still by a
 * second connection owning the write lock, so the test decides exactly which saves form a group.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private Path db() {
        return dir.resolve("openrom.db");
    }

    private SqliteResponseStore open(WriteOptions options) throws Exception {
        return new SqliteResponseStore(db(), Clock.systemUTC(), Migrator.bundled(), options);
    }

    @Test
    void savesQueuedWhileTheWriterIsBusyCommitTogetherInTheirOrder() throws Exception {
        try (SqliteResponseStore store = open(WriteOptions.DEFAULTS)) {
            List<CompletableFuture<SaveOutcome>> outcomes;
            try (WriteLock lock = holdWriteLock()) {
                outcomes = queueBehindTheWriter(store, "a", "b", "c", "d");
            }
            assertThat(outcomes).extracting(CompletableFuture::join).containsOnly(SaveOutcome.STORED);
            assertThat(store.writer().groups()).as("a alone, then b, c and d in one commit").isEqualTo(2);
            assertThat(store.writer().writes()).isEqualTo(4);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT response_id FROM outbox ORDER BY seq")).containsExactly("a", "b", "c", "d");
            assertThat(raw.column("SELECT object FROM audit ORDER BY seq"))
                    .containsExactly("response/a", "response/b", "response/c", "response/d");
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
        }
    }

    @Test
    void aFailingSaveIsRolledBackAloneAndReportedWhileItsGroupCommits() throws Exception {
        try (SqliteResponseStore store = open(WriteOptions.DEFAULTS)) {
            try (RawDb raw = RawDb.open(db())) {
                raw.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox WHEN NEW.response_id = 'qr-bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'injected outbox failure'); END");
            }
            List<CompletableFuture<SaveOutcome>> outcomes;
            try (WriteLock lock = holdWriteLock()) {
                outcomes = queueBehindTheWriter(store, "first", "ok-1", "qr-bad", "ok-2");
            }
            assertThat(outcomes.get(1).join()).isEqualTo(SaveOutcome.STORED);
            assertThat(outcomes.get(3).join()).isEqualTo(SaveOutcome.STORED);
            assertThatThrownBy(() -> outcomes.get(2).join())
                    .hasCauseInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot save response qr-bad in " + db())
                    .hasMessageContaining("injected outbox failure");
            assertThat(store.writer().groups()).isEqualTo(2);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT response_id FROM response ORDER BY rowid")).containsExactly("first", "ok-1", "ok-2");
            assertThat(raw.column("SELECT response_id FROM outbox ORDER BY seq")).containsExactly("first", "ok-1", "ok-2");
            assertThat(raw.column("SELECT object FROM audit ORDER BY seq"))
                    .containsExactly("response/first", "response/ok-1", "response/ok-2");
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
            // Control: without its savepoint, the failed save's response row stays in the shared transaction.
            raw.exec("BEGIN");
            raw.exec("INSERT INTO response VALUES ('qr-bad', 'p', NULL, 'phq9', '2026-11-22T09:30:00.000000000Z',"
                    + " '{}', '{}', '2026-11-22T09:30:00.000000000Z')");
            assertThatThrownBy(() -> raw.exec("INSERT INTO outbox (response_id, created_at) VALUES ('qr-bad', 'x')"))
                    .isInstanceOf(SQLException.class);
            raw.exec("COMMIT");
            assertThat(raw.count("SELECT count(*) FROM response WHERE response_id = 'qr-bad'")).isEqualTo(1);
            assertThat(raw.count("SELECT count(*) FROM outbox WHERE response_id = 'qr-bad'")).isZero();
        }
    }

    @Test
    void theSameResponseTwiceInOneGroupIsStoredOnce() throws Exception {
        try (SqliteResponseStore store = open(WriteOptions.DEFAULTS)) {
            store.save(response("earlier"));
            List<CompletableFuture<SaveOutcome>> outcomes;
            try (WriteLock lock = holdWriteLock()) {
                outcomes = queueBehindTheWriter(store, "first", "twice", "twice", "earlier", "other");
            }
            assertThat(outcomes).extracting(CompletableFuture::join).containsExactly(SaveOutcome.STORED,
                    SaveOutcome.STORED, SaveOutcome.ALREADY_STORED, SaveOutcome.ALREADY_STORED, SaveOutcome.STORED);
            assertThat(store.writer().groups()).as("earlier, first, then one group").isEqualTo(3);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.column("SELECT response_id FROM response ORDER BY rowid"))
                    .containsExactly("earlier", "first", "twice", "other");
            assertThat(raw.count("SELECT count(*) FROM outbox")).isEqualTo(4);
            assertThat(raw.count("SELECT count(*) FROM audit")).isEqualTo(4);
        }
    }

    @Test
    void aLoneSaveDoesNotWaitForCompany() throws Exception {
        WriteOptions patient = WriteOptions.DEFAULTS.withGroups(128, TimeUnit.SECONDS.toMicros(1));
        try (SqliteResponseStore store = open(patient)) {
            long start = System.nanoTime();
            assertThat(store.save(response("alone"))).isEqualTo(SaveOutcome.STORED);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms for a lone save").isLessThan(500);
            // Control: a group of two does wait for company, up to the configured time.
            List<CompletableFuture<SaveOutcome>> outcomes;
            long groupStart;
            try (WriteLock lock = holdWriteLock()) {
                outcomes = queueBehindTheWriter(store, "x", "y", "z");
                groupStart = System.nanoTime();
            }
            outcomes.forEach(CompletableFuture::join);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - groupStart)).isGreaterThanOrEqualTo(950);
        }
    }

    @Test
    void readsDoNotWaitForTheWriter() throws Exception {
        try (SqliteResponseStore store = open(WriteOptions.DEFAULTS)) {
            store.save(response("stored"));
            try (WriteLock lock = holdWriteLock()) {
                CompletableFuture<SaveOutcome> blocked = CompletableFuture.supplyAsync(() -> store.save(response("held")), callers);
                awaitTrue(() -> store.writer().groups() == 2, "the writer took the held save");
                assertThat(store.find("stored")).isPresent();
                assertThat(store.find("held")).isEmpty();
                assertThat(store.status().ok()).isTrue();
                assertThat(blocked).isNotDone();
            }
        }
    }

    @Test
    void closeCommitsEverySaveStillQueued() throws Exception {
        // The unsafe test control returns before commit, which lets the queue fill; close must drain it.
        WriteOptions unsafe = WriteOptions.DEFAULTS.withAcknowledge(WriteOptions.Acknowledge.BEFORE_COMMIT_UNSAFE)
                .withGroups(10, 0).withTestCommitDelay(20);
        SqliteResponseStore store = open(unsafe);
        for (int i = 0; i < 200; i++) {
            assertThat(store.save(response("q-" + i))).isEqualTo(SaveOutcome.STORED);
        }
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("SELECT count(*) FROM response")).as("acknowledged, not yet committed").isLessThan(200);
        }
        store.close();
        assertThatThrownBy(() -> store.save(response("late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        try (RawDb raw = RawDb.open(db())) {
            assertThat(raw.count("SELECT count(*) FROM response")).isEqualTo(200);
            assertThat(raw.count("SELECT count(*) FROM outbox")).isEqualTo(200);
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
        }
    }

    @Test
    void theUnsafeTestControlsTurnTheStatusRed() throws Exception {
        try (SqliteResponseStore safe = open(WriteOptions.DEFAULTS)) {
            assertThat(safe.status().ok()).isTrue();
            assertThat(safe.status().warnings()).isEmpty();
        }
        WriteOptions unsafe = WriteOptions.DEFAULTS.withAcknowledge(WriteOptions.Acknowledge.BEFORE_COMMIT_UNSAFE)
                .withTestCommitDelay(5);
        try (SqliteResponseStore store = open(unsafe)) {
            assertThat(store.status().ok()).isFalse();
            assertThat(store.status().quickCheck()).isEqualTo("ok");
            assertThat(store.status().warnings()).satisfiesExactly(
                    w -> assertThat(w).startsWith("ST-2001: acknowledge is before-commit-UNSAFE (a test control)"),
                    w -> assertThat(w).startsWith("ST-2002: testCommitDelayMillis is 5 (a test control)"));
        }
    }

    /**
     * Saves {@code ids} in order from their own threads while the caller holds the write lock: the first is
     * taken by the writer (which then waits for the lock), the others queue behind it and form the next group.
     */
    private List<CompletableFuture<SaveOutcome>> queueBehindTheWriter(SqliteResponseStore store, String... ids)
            throws Exception {
        long groupsBefore = store.writer().groups();
        List<CompletableFuture<SaveOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            outcomes.add(CompletableFuture.supplyAsync(() -> store.save(response(id)), callers));
            int queued = i;
            if (i == 0) {
                awaitTrue(() -> store.writer().groups() == groupsBefore + 1, "the writer took " + id);
            } else {
                awaitTrue(() -> store.writer().queued() == queued, id + " queued");
            }
        }
        return outcomes;
    }

    /** A second connection holding the write lock: the store's writer waits in BEGIN IMMEDIATE. */
    private WriteLock holdWriteLock() throws SQLException {
        RawDb raw = RawDb.open(db());
        raw.exec("BEGIN IMMEDIATE");
        return new WriteLock(raw);
    }

    private record WriteLock(RawDb raw) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            raw.exec("ROLLBACK");
            raw.close();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }
}
