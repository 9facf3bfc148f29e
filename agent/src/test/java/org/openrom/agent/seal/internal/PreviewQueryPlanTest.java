package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.seal.SealFixture;
import org.openrom.agent.source.SiteDatabase;

/**
 * Queries the agent runs over every response read an index, not the response table (whose rows carry the stored
 * JSON: 5 GB for a million responses). Over 100,000 responses the idle-case count without one took over two minutes
 * (a scan per open episode), and the local episode ids about 4 s per million responses.
 */
class PreviewQueryPlanTest {

    @TempDir
    static Path dir;

    static SealFixture fixture;

    @BeforeAll
    static void site() throws Exception {
        fixture = new SealFixture(dir, 2, 2);
    }

    static List<String> plan(Path db, String sql) throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?1", "'2026-08-01'").replace("?2", "'2026-07-01'"))) {
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
        }
        return steps;
    }

    static Path withoutEpisodeIndex() throws Exception {
        Path copy = dir.resolve("older-schema.db");
        Files.copy(fixture.db, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("DROP INDEX response_by_episode");
        }
        return copy;
    }

    @Test
    void idleCasesAndLocalIdsReadIndexesAndTheIdleCountNeedsNoEpisodeIndex() throws Exception {
        assertThat(plan(fixture.db, PreviewRun.IDLE)).anySatisfy(step -> assertThat(step).startsWith("SEARCH r USING"))
                .noneSatisfy(step -> assertThat(step).isEqualTo("SEARCH r"));
        // SCAN or SEARCH (episode_id>?, for the IS NOT NULL) of the covering index: never the table itself.
        assertThat(plan(fixture.db, SiteDatabase.LOCAL_EPISODE_IDS))
                .anySatisfy(step -> assertThat(step).matches("(SCAN|SEARCH) response USING COVERING INDEX response_by_episode.*"))
                .doesNotContain("SCAN response");
        assertThat(plan(fixture.db, SiteDatabase.LOCAL_PATIENT_IDS))
                .anySatisfy(step -> assertThat(step).matches("(SCAN|SEARCH) response USING COVERING INDEX response_by_patient.*"))
                .doesNotContain("SCAN response");

        Path older = withoutEpisodeIndex();
        // Control: without the index the episode ids are read from the whole table...
        assertThat(plan(older, SiteDatabase.LOCAL_EPISODE_IDS)).contains("SCAN response");
        // ...and so would the idle count be, keyed by episode alone; keyed by patient too, it still finds an index.
        String byEpisodeOnly = PreviewRun.IDLE.replace("r.patient_id = e.patient_id AND ", "");
        assertThat(byEpisodeOnly).isNotEqualTo(PreviewRun.IDLE);
        assertThat(plan(older, byEpisodeOnly)).noneSatisfy(step -> assertThat(step).startsWith("SEARCH r USING INDEX"));
        assertThat(plan(older, PreviewRun.IDLE)).anySatisfy(step -> assertThat(step).startsWith("SEARCH r USING INDEX"));
    }
}
