package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrom.store.internal.TestResponses.response;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.store.SaveOutcome;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * Saves from many threads and from two store instances on one file (as the site runtime and a second
 * process would): every response stored once, one outbox row each, and an unbroken audit chain, because
 * each save reads the chain's tail inside its own write-locked transaction.
 */
class ConcurrentSavesTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 100;

    @TempDir
    Path dir;

    @Test
    void threadsAndASecondInstanceSavingTogetherKeepEveryRowAndTheAuditChain() throws Exception {
        Path db = dir.resolve("openrom.db");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (CloseableResponseStore first = SqliteStores.open(db);
                CloseableResponseStore second = SqliteStores.open(db)) {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                CloseableResponseStore store = t % 2 == 0 ? first : second;
                int thread = t;
                jobs.add(() -> {
                    int stored = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        // every id is saved by two threads, one on each instance: exactly one wins
                        String id = "qr-" + (thread / 2) + "-" + i;
                        stored += store.save(response(id)) == SaveOutcome.STORED ? 1 : 0;
                    }
                    return stored;
                });
            }
            int stored = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                stored += f.get();
            }
            assertThat(stored).isEqualTo(THREADS / 2 * PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.count("SELECT count(*) FROM response")).isEqualTo(THREADS / 2 * PER_THREAD);
            assertThat(raw.count("SELECT count(*) FROM outbox")).isEqualTo(THREADS / 2 * PER_THREAD);
            assertThat(raw.count("SELECT count(*) FROM audit")).isEqualTo(THREADS / 2 * PER_THREAD);
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
        }
    }
}
