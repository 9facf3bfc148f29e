package org.openrom.store.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The append-only audit table as a hash chain: each row's hash covers the previous row's hash and its own
 * fields, so removing, reordering or editing a row breaks the chain from that row on. Rows name who did
 * what to which object; never answers or names.
 */
final class AuditLog {

    /** The "previous hash" of the first row. */
    static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    /** Appends one row. Must run inside the caller's write transaction, which makes seq and chain safe. */
    static void append(Connection c, Instant at, String actor, String action, String object) throws SQLException {
        try (StatementCache sql = new StatementCache(c)) {
            append(sql, at, actor, action, object);
        }
    }

    /** Appends one row with the writer's cached statements. Must run inside the caller's write transaction. */
    static void append(StatementCache sql, Instant at, String actor, String action, String object) throws SQLException {
        long seq = 1;
        String previous = GENESIS;
        try (ResultSet rs = sql.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        String when = Timestamps.format(at, "audit time");
        {
            PreparedStatement insert =
                    sql.prepare("INSERT INTO audit (seq, at, actor, action, object, hash) VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, seq);
            insert.setString(2, when);
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, object);
            insert.setString(6, hash(previous, seq, when, actor, action, object));
            insert.executeUpdate();
        }
    }

    /** @return the seq of the first row whose hash or position does not follow the chain; empty when intact */
    static OptionalLong firstBrokenRow(Connection c) throws SQLException {
        String previous = GENESIS;
        long expectedSeq = 1;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, object, hash FROM audit ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String hash = hash(previous, seq, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                if (seq != expectedSeq || !hash.equals(rs.getString(6))) {
                    return OptionalLong.of(seq);
                }
                previous = hash;
                expectedSeq++;
            }
        }
        return OptionalLong.empty();
    }

    /** SHA-256 over the previous hash and the length-prefixed fields, so no two field lists collide. */
    static String hash(String previous, long seq, String at, String actor, String action, String object) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha.update(HexFormat.of().parseHex(previous));
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        for (String field : new String[] {at, actor, action, object}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
