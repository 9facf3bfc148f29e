package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrom.central.intake.internal.StoreFixtures.openAtOnce;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link CollatorStoreTest} again, on a real PostgreSQL server ({@link PostgresServer}: a private cluster started
 * for this class), each test in a new database; plus what only PostgreSQL has (credentials in the URL).
 */
@DisabledIfSystemProperty(named = PostgresServer.PROPERTY, matches = "skip", disabledReason = PostgresServer.SKIPPED)
class PostgresStoreTest extends CollatorStoreTest {
    private PostgresServer server;

    @BeforeAll
    void startPostgres(@TempDir Path cluster) throws Exception {
        server = PostgresServer.start(cluster);
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String newDatabase() throws Exception {
        return server.createDatabase();
    }

    @Override
    int concurrentOpenRounds() {
        return 3;
    }

    @Override
    @Test
    void controlWithoutTheSafeguardProcessesOpeningANewDatabaseAtOnceFail() throws Exception {
        // A race: up to five fresh databases, until one shows it (in trials every first attempt did).
        List<Throwable> failed = List.of();
        for (int attempt = 0; attempt < 5 && failed.isEmpty(); attempt++) {
            failed = openAtOnce(server.createDatabase(), false);
        }
        assertThat(failed).as("without the advisory lock concurrent migrations must collide").isNotEmpty();
        assertThat(failed.get(0)).isInstanceOf(SQLException.class);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheErrorDoesNotRepeatTheUrlsCredentials() throws Exception {
        String url = server.createDatabase().replaceAll("password=[0-9a-f]+", "password=not-the-password");
        assertThatThrownBy(() -> CollatorStore.open(url)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed").message().doesNotContain("not-the-password");
    }

    @Test
    void anUrlThatIsNeitherSqliteNorPostgresqlIsRefusedWithoutItsCredentials() {
        assertThatThrownBy(() -> CollatorStore.open("jdbc:mysql://127.0.0.1/c?user=u&password=secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql://127.0.0.1/c?…")
                .message().doesNotContain("secret");
        assertThat(Database.redacted(server.url("x"))).doesNotContain("password");
    }
}
