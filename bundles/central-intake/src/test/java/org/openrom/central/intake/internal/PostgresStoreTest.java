package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link CollatorStoreTest} again, on a real PostgreSQL server ({@link PostgresServer}: a private cluster started
 * for this class), each test in a new database; plus what only PostgreSQL has (credentials in the URL).
 */
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
