package org.openrom.central.intake.internal;

import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrom.central.intake.internal.CollatorStore.Site;

/** The {@code site} table: register (or re-register with a new certificate), revoke, look up, list. */
public final class SiteRegistry {
    private final CollatorStore store;

    SiteRegistry(CollatorStore store) {
        this.store = store;
    }

    /** Records the site as active with this certificate; a revoked site registered again becomes active. */
    public void register(String site, X509Certificate cert, Instant now) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM site WHERE site_id = ?")) {
                d.setString(1, site);
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO site (site_id, status, cert_sha256, cert_serial,"
                    + " not_after, registered, revoked) VALUES (?, 'ACTIVE', ?, ?, ?, ?, NULL)")) {
                s.setString(1, site);
                s.setString(2, Certificates.sha256(cert));
                s.setString(3, cert.getSerialNumber().toString(16));
                s.setString(4, cert.getNotAfter().toInstant().toString());
                s.setString(5, now.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** @return false when the site is not registered */
    public boolean revoke(String site, Instant now) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE site SET status = 'REVOKED', revoked = ? WHERE site_id = ?")) {
                s.setString(1, now.toString());
                s.setString(2, site);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<Site> find(String site) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE site_id = ?")) {
                s.setString(1, site);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Site>empty();
                }
            }
        });
    }

    public List<Site> list() throws SQLException {
        return store.tx(c -> {
            List<Site> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY site_id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** Per site: batches stored and the highest sequence (0 when none). */
    public List<long[]> batchCounts(List<Site> sites) throws SQLException {
        return store.tx(c -> {
            List<long[]> out = new ArrayList<>();
            for (Site site : sites) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT count(*), coalesce(max(sequence), 0) FROM batch WHERE site_id = ?")) {
                    s.setString(1, site.id());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            return out;
        });
    }

    private static final String SELECT =
            "SELECT site_id, status, cert_sha256, cert_serial, not_after, registered, revoked FROM site";

    private static Site row(ResultSet rs) throws SQLException {
        return new Site(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }
}
