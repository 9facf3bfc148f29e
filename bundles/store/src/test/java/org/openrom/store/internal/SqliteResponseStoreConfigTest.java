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

    @Test
    void defaultsToDurableAcknowledgementAndGroupCommit() throws Exception {
        Path file = dir.resolve("openrom.db");
        assertThat(WriteOptions.of(config(Map.of("databasePath", file.toString())))).isEqualTo(WriteOptions.DEFAULTS);
        assertThat(WriteOptions.DEFAULTS.acknowledge()).isEqualTo(WriteOptions.Acknowledge.AFTER_COMMIT);
        assertThat(WriteOptions.DEFAULTS.maxGroupWaitMicros()).as("a lone save never waits").isZero();
        assertThat(WriteOptions.DEFAULTS.warnings()).isEmpty();
    }

    @Test
    void readsTheUnsafeTestControlsAndWarnsAboutThem() throws Exception {
        Path file = dir.resolve("openrom.db");
        Map<String, Object> props = Map.of("databasePath", file.toString(), "acknowledge", "before-commit-UNSAFE",
                "testCommitDelayMillis", "200", "maxGroupSize", "1000", "queueCapacity", "5000");
        try (SqliteResponseStore store = new SqliteResponseStore(config(props))) {
            assertThat(store.status().ok()).isFalse();
            assertThat(store.status().warnings()).hasSize(2);
        }
        assertThat(WriteOptions.of(config(props))).isEqualTo(new WriteOptions(
                WriteOptions.Acknowledge.BEFORE_COMMIT_UNSAFE, 5000, 1000, 0, 200));
    }

    @Test
    void rejectsAnUnknownAcknowledgementOrAnEmptyGroup() {
        String file = dir.resolve("openrom.db").toString();
        assertThatThrownBy(() -> new SqliteResponseStore(config(Map.of("databasePath", file, "acknowledge", "sometimes"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acknowledge must be after-commit or before-commit-UNSAFE: 'sometimes'");
        assertThatThrownBy(() -> new SqliteResponseStore(config(Map.of("databasePath", file, "maxGroupSize", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxGroupSize must be from 1 to 100000: 0");
    }
}
