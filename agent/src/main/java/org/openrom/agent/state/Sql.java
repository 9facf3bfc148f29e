package org.openrom.agent.state;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.schedule.Quarter;

/** Small JDBC helpers for {@link AgentState}. */
final class Sql {
    private Sql() {}

    interface Work<T> {
        T run() throws SQLException;
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    static BatchRecord batch(ResultSet rs, Quarter quarter) throws SQLException {
        return new BatchRecord(rs.getString("batch_id"), rs.getLong("sequence"), quarter, rs.getLong("from_seq"),
                rs.getLong("to_seq"), Instant.parse(rs.getString("created")), Path.of(rs.getString("file")),
                BatchState.valueOf(rs.getString("state")), rs.getLong("bytes"), rs.getString("sha256"),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getString("last_attempt")),
                instant(rs.getString("sealed_at")), instant(rs.getString("acknowledged_at")), rs.getBytes("receipt"),
                rs.getString("receipt_json"));
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return s == null ? null : Instant.parse(s);
    }
}
