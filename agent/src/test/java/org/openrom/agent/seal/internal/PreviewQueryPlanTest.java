package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.seal.SealFixture;

/**
 * The preview's idle-case count looks up each open episode's responses through an index. Over a site with 100,000
 * responses the query without one took over two minutes (it read the whole response table once per episode).
 */
class PreviewQueryPlanTest {

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

    @Test
    void idleCasesFindEachEpisodesResponsesThroughAnIndex(@TempDir Path dir) throws Exception {
        SealFixture fixture = new SealFixture(dir, 2, 2);
        assertThat(plan(fixture.db, PreviewRun.IDLE)).anySatisfy(step -> assertThat(step).startsWith("SEARCH r USING INDEX"));
        // Control: the same query keyed by episode alone finds no index on this schema.
        String byEpisodeOnly = PreviewRun.IDLE.replace("r.patient_id = e.patient_id AND ", "");
        assertThat(byEpisodeOnly).isNotEqualTo(PreviewRun.IDLE);
        assertThat(plan(fixture.db, byEpisodeOnly)).noneSatisfy(step -> assertThat(step).startsWith("SEARCH r USING INDEX"));
    }
}
