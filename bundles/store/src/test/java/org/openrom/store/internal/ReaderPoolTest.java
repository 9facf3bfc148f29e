package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderPoolTest {
    @TempDir Path dir;
    Path file;

    @BeforeEach
    void database() throws Exception {
        file = dir.resolve("r.db");
        try (Connection w = DatabaseFile.connect(file, DatabaseFile.Role.WRITER); Statement s = w.createStatement()) {
            s.execute("CREATE TABLE t (v INTEGER)");
            s.execute("INSERT INTO t VALUES (42)");
        }
    }

    private static int value(StatementCache statements) throws java.sql.SQLException {
        try (ResultSet rs = statements.prepare("SELECT v FROM t").executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Holds one connection until released, then reads on another thread. */
    private static CompletableFuture<Integer> secondReadWhileFirstIsHeld(ReaderPool pool, CountDownLatch release)
            throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> {
            try {
                pool.read(s -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return value(s);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pool.read(ReaderPoolTest::value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aReadDoesNotWaitForAnotherThreadsRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ReaderPool pool = new ReaderPool(file, 4)) {
            CompletableFuture<Integer> second = secondReadWhileFirstIsHeld(pool, release);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(42);
            release.countDown();
        }
    }

    @Test
    void controlWithOneConnectionTheSecondReadWaitsForTheFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ReaderPool pool = new ReaderPool(file, 1)) {
            CompletableFuture<Integer> second = secondReadWhileFirstIsHeld(pool, release);
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        }
    }

    @Test
    void readersAreReadOnlyAndAClosedPoolRefusesReads() throws Exception {
        ReaderPool pool = new ReaderPool(file, 2);
        assertThatThrownBy(() -> pool.read(s -> s.prepare("INSERT INTO t VALUES (1)").executeUpdate()))
                .hasMessageContaining("readonly");
        pool.close();
        assertThatThrownBy(() -> pool.read(ReaderPoolTest::value)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> new ReaderPool(file, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
