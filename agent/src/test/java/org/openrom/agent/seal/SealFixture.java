package org.openrom.agent.seal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openrom.store.CloseableResponseStore;

/** A small real site database (through the store's API) and a PKI, ready to seal. */
public final class SealFixture {

    public static final Quarter Q1 = new Quarter("2026-27-Q1", java.time.LocalDate.of(2026, 4, 1),
            java.time.LocalDate.of(2026, 6, 30));

    public final Path dir;
    public final Path db;
    public final SealPki pki;
    public final SyntheticSite site = new SyntheticSite(42);
    /** The seal time: now, so it falls within the test certificates' validity. */
    public final Instant created = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    public SealFixture(Path dir, int patients, int responsesEach) throws Exception {
        this.dir = dir;
        this.db = dir.resolve("openrom.db");
        this.pki = new SealPki("RXX01");
        try (CloseableResponseStore store = SyntheticSite.create(db)) {
            site.populate(store, patients, responsesEach, Instant.parse("2026-05-01T10:00:00Z"));
        }
    }

    /** The whole of the database up to the end of Q1 (the store stamps created_at with the wall clock). */
    public Selection selection() {
        return new Selection(db, 0, new Quarter("2099-00-Q1", java.time.LocalDate.of(2000, 1, 1),
                java.time.LocalDate.of(2099, 12, 31)) , java.time.ZoneId.of("Europe/London"));
    }

    public SealRequest.Builder request(Path out) {
        return SealRequest.builder().siteId("RXX01").batchId(UUID.randomUUID()).sequence(1).selection(selection())
                .linkKey(pki.linkKey).signer(pki.site.getPrivate(), pki.siteCert).recipients(List.of(pki.collatorCert))
                .outputDir(out).created(created);
    }
}
