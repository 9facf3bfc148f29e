package org.openrom.central.intake.internal;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The only class that names the PostgreSQL driver, so SQLite-only runtimes never load it (optional import). */
final class Postgres {
    private Postgres() {}

    static DataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }
}
