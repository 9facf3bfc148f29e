package org.openrom.central.intake.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DuplicateStormTest} with the store on a real PostgreSQL server (a private cluster for this class, a new database
 * per run). There each transaction has its own connection, so without the per-batch lock (the control run) the 16
 * threads' transactions really overlap, instead of taking turns on SQLite's one connection; the control must still
 * store duplicates, and with the safeguards on the batch is stored once.
 */
@DisabledIfSystemProperty(named = PostgresServer.PROPERTY, matches = "skip", disabledReason = PostgresServer.SKIPPED)
class PostgresDuplicateStormTest extends DuplicateStormTest {
    private static PostgresServer server;

    @BeforeAll
    static void startPostgres(@TempDir Path cluster) throws Exception {
        server = PostgresServer.start(cluster);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    void useStore(CollatorFiles files) throws Exception {
        CollatorFiles.writePrivate(files.jdbcUrlFile(), (server.createDatabase() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
