package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

/** The DS constructor, given the configuration the way SCR gives it. */
class SqliteResponseStoreConfigTest {

    @TempDir
    Path dir;

    private static SqliteResponseStore.Config config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(SqliteResponseStore.Config.class);
    }

    @Test
    void opensTheConfiguredFile() throws Exception {
        Path file = dir.resolve("data/openrom.db");
        try (SqliteResponseStore store = new SqliteResponseStore(config(Map.of("databasePath", file.toString())))) {
            assertThat(store.status().ok()).isTrue();
            assertThat(store.file()).isEqualTo(file);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void rejectsAMissingPath() {
        // SCR hands a component a null for an attribute without a default that the configuration lacks
        Map<String, Object> missing = new HashMap<>();
        missing.put("databasePath", null);
        assertThatThrownBy(() -> new SqliteResponseStore(config(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("databasePath is missing: 'null'");
        assertThatThrownBy(() -> new SqliteResponseStore(config(Map.of("databasePath", " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("databasePath is missing: ' '");
    }

    @Test
    void rejectsARelativePath() {
        assertThatThrownBy(() -> new SqliteResponseStore(config(Map.of("databasePath", "data/openrom.db"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("databasePath must be an absolute file path: 'data/openrom.db'");
    }

    @Test
    void rejectsAPathLeftUninterpolated() {
        assertThatThrownBy(() -> new SqliteResponseStore(config(Map.of("databasePath", "$[prop:openrom.data]/openrom.db"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("databasePath was not interpolated")
                .hasMessageContaining("'$[prop:openrom.data]/openrom.db'");
    }

    @Test
    void rejectsAPathWithANulCharacter() {
        assertThatThrownBy(() -> new SqliteResponseStore(config(Map.of("databasePath", "/tmp/a\u0000b.db"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("databasePath is not a valid path: '/tmp/a");
    }
}
