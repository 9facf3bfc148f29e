package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;
import org.openrom.api.host.Patient.Gender;

/** {@code recordCase}: the patient and episode rows the agent reads, written only when something changed. */
class RecordCaseTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);
    private Path db;

    @BeforeEach
    void setUp() {
        db = dir.resolve("openrom.db");
    }

    private SqliteResponseStore open() throws Exception {
        return new SqliteResponseStore(db, clock, Migrator.bundled());
    }

    private static Patient ada(String postcode) {
        return new Patient("p-1", "9434765919", "Ada", "Example", LocalDate.of(2011, 3, 4), Gender.FEMALE, postcode, "A");
    }

    private static Episode episode(String id, LocalDate closed) {
        return new Episode(id, "p-1", "Camden CAMHS", LocalDate.of(2026, 1, 10), closed);
    }

    @Test
    void insertsTheYoungPersonAndTheirEpisodes() throws Exception {
        try (SqliteResponseStore store = open()) {
            store.recordCase(ada("NW1 2AB"), List.of(episode("e-1", null), episode("e-0", LocalDate.of(2026, 2, 1))));
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.column("SELECT patient_id || '|' || nhs_number || '|' || given_name || '|' || family_name"
                    + " || '|' || birth_date || '|' || gender || '|' || postcode || '|' || ethnicity || '|' || updated_at"
                    + " FROM patient")).containsExactly(
                    "p-1|9434765919|Ada|Example|2011-03-04|female|NW1 2AB|A|2026-11-22T09:00:00.000000000Z");
            assertThat(raw.column("SELECT episode_id || '|' || patient_id || '|' || service || '|' || referral_date"
                    + " || '|' || ifnull(closed_date, '-') FROM episode ORDER BY episode_id")).containsExactly(
                    "e-0|p-1|Camden CAMHS|2026-01-10|2026-02-01", "e-1|p-1|Camden CAMHS|2026-01-10|-");
        }
    }

    @Test
    void writesNothingWhenNothingChanged() throws Exception {
        try (SqliteResponseStore store = open()) {
            store.recordCase(ada("NW1 2AB"), List.of(episode("e-1", null)));
            long walBefore = walBytes(db);
            clock.advance(Duration.ofHours(1));
            store.recordCase(ada("NW1 2AB"), List.of(episode("e-1", null)));
            assertThat(walBytes(db)).as("no commit wrote anything").isEqualTo(walBefore);
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.column("SELECT updated_at FROM patient UNION ALL SELECT updated_at FROM episode"))
                    .containsOnly("2026-11-22T09:00:00.000000000Z");
        }
    }

    @Test
    void updatesOnlyTheRowsThatChangedAndStampsThem() throws Exception {
        try (SqliteResponseStore store = open()) {
            store.recordCase(ada("NW1 2AB"), List.of(episode("e-1", null), episode("e-2", null)));
            clock.advance(Duration.ofDays(1));
            store.recordCase(ada(null), List.of(episode("e-1", LocalDate.of(2026, 11, 20)), episode("e-2", null)));
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.single("SELECT ifnull(postcode, 'unknown') || ' ' || updated_at FROM patient"))
                    .as("a postcode becoming unknown is a change").isEqualTo("unknown 2026-11-23T09:00:00.000000000Z");
            assertThat(raw.column("SELECT episode_id || ' ' || ifnull(closed_date, '-') || ' ' || updated_at FROM episode"
                    + " ORDER BY episode_id")).containsExactly(
                    "e-1 2026-11-20 2026-11-23T09:00:00.000000000Z", "e-2 - 2026-11-22T09:00:00.000000000Z");
        }
    }

    @Test
    void leavesEpisodesTheHostNoLongerListsAlone() throws Exception {
        try (SqliteResponseStore store = open()) {
            store.recordCase(ada("NW1 2AB"), List.of(episode("e-1", null), episode("e-2", null)));
            store.recordCase(ada("NW1 2AB"), List.of());
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.count("SELECT count(*) FROM episode")).isEqualTo(2);
        }
    }

    @Test
    void refusesAnEpisodeOfAnotherYoungPersonAndWritesNothing() throws Exception {
        try (SqliteResponseStore store = open()) {
            Episode someoneElses = new Episode("e-9", "p-2", "Camden CAMHS", LocalDate.of(2026, 1, 10), null);
            assertThatThrownBy(() -> store.recordCase(ada("NW1 2AB"), List.of(episode("e-1", null), someoneElses)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("episode e-9 belongs to patient p-2, not to p-1");
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.count("SELECT count(*) FROM patient")).isZero();
            assertThat(raw.count("SELECT count(*) FROM episode")).isZero();
        }
    }

    @Test
    void refusesADateOutsideTheStoredRange() throws Exception {
        Patient old = new Patient("p-1", null, "A", "B", LocalDate.of(10_000, 1, 1), Gender.UNKNOWN, null, null);
        try (SqliteResponseStore store = open()) {
            assertThatThrownBy(() -> store.recordCase(old, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("birth date of patient p-1 is outside years 1-9999: +10000-01-01");
        }
    }

    /** Bytes in the WAL: a commit that wrote anything appends frames to it (no checkpoint runs this early). */
    private static long walBytes(Path file) throws Exception {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
