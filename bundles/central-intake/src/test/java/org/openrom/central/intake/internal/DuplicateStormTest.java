package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T07: the same sealed batch PUT 100 times from 16 threads at once over HTTPS is stored once, with 99 identical
 * receipts and no 5xx. The control run switches the safeguards off (no look-up, no per-batch lock, no unique
 * indexes) and must store duplicates, or this test proves nothing.
 */
class DuplicateStormTest {
    @TempDir
    Path dir;

    private record Storm(Map<Integer, Integer> statuses, long batchRows, long recordRows, long distinctReceipts) {}

    private Storm storm(boolean safeguards) throws Exception {
        TestPki pki = new TestPki(dir.resolve(safeguards ? "on" : "off"));
        TestPki.TestSite site = pki.site("RXS01");
        useStore(pki.files);
        Database db = new Database(pki.files.jdbcUrl());
        CollatorStore store = new CollatorStore(db, safeguards);
        store.sites().register(site.id(), site.cert(), Instant.now());
        BatchIntake intake = new BatchIntake(pki.files, pki.keys, store, 1 << 30, Clock.systemUTC(), safeguards);
        TestBatch batch = new TestBatch(pki, site).patients(3, 1);
        byte[] body = batch.build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TestServer server = new TestServer(intake, pki.keys, false)) {
            HttpClient client = TestServer.client(pki.keys, site);
            List<Callable<HttpResponse<byte[]>>> puts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                puts.add(() -> server.put(client, site.id(), batch.batchId, body));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> receipts = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> f : pool.invokeAll(puts)) {
                HttpResponse<byte[]> r = f.get();
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() < 300) {
                    receipts.add(Hex.sha256(r.body()));
                }
            }
            return new Storm(statuses, store.count("batch", site.id(), batch.batchId), store.count("record", site.id(), batch.batchId),
                    receipts.stream().distinct().count());
        } finally {
            pool.shutdownNow();
            intake.close();
        }
    }

    /** Chooses the store by writing the data folder's {@code jdbc-url} file; here none: SQLite in the data folder. */
    void useStore(CollatorFiles files) throws Exception {}

    @Test
    void aHundredConcurrentPutsOfOneBatchStoreItOnceWithOneReceipt() throws Exception {
        Storm s = storm(true);
        assertThat(s.statuses()).isEqualTo(Map.of(201, 1, 200, 99));
        assertThat(s.batchRows()).isEqualTo(1);
        assertThat(s.recordRows()).isEqualTo(15);
        assertThat(s.distinctReceipts()).isEqualTo(1);
    }

    @Test
    void controlRunWithoutTheSafeguardsStoresDuplicates() throws Exception {
        Storm s = storm(false);
        assertThat(s.batchRows()).as("without the look-up and unique indexes the storm must store duplicates: %s", s)
                .isGreaterThan(1);
        assertThat(s.recordRows()).isGreaterThan(15);
    }
}
