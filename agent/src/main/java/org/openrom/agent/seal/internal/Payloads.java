package org.openrom.agent.seal.internal;

import java.io.OutputStream;
import javax.crypto.SecretKey;
import org.openrom.agent.seal.BatchCounts;
import org.openrom.agent.seal.SealProgress;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.source.SiteDatabase;

/**
 * Writes a selection's NDJSON payload into a stream, through the identifier scan. Shared by seal and preview.
 * Building runs on the calling thread; the scan and {@code out} (gzip, for a seal) on a second one ({@link HandOff}).
 */
final class Payloads {

    record Result(BatchCounts counts, PayloadBuilder.Stats stats, SiteIdentifiers.Stats identifiers, long windows) {}

    private Payloads() {}

    static Result write(SiteDatabase db, Selection selection, SecretKey linkKey, MeasureCatalogue catalogue,
            OutputStream out, BatchSealing.WriterFactory writers, boolean scan, SealProgress progress)
            throws Exception {
        long expected = db.count("SELECT count(*) FROM outbox WHERE seq > ? AND created_at < ?", selection.afterSeq(),
                SiteDatabase.storedTime(selection.quarter().end().plusDays(1).atStartOfDay(selection.zone()).toInstant()));
        SiteIdentifiers identifiers = SiteIdentifiers.collect(db, catalogue);
        IdentifierScan scanner = scan ? new IdentifierScan(out, identifiers.set()) : null;
        HandOff handOff = new HandOff(scanner == null ? out : scanner);
        ResourceWriter writer = writers.create(handOff);
        PayloadBuilder.Stats stats;
        try {
            stats = new PayloadBuilder(db, new Pseudonyms(linkKey), catalogue, writer, selection.zone(), progress,
                    expected).build(selection);
            writer.close();
        } finally {
            handOff.close(); // waits for scan + gzip; throws what they threw (an identifier found comes first)
        }
        if (scanner != null) {
            scanner.finish();
            if (scanner.lines() != writer.counts().lines()) {
                throw new IllegalStateException("payload has " + scanner.lines() + " lines for "
                        + writer.counts().lines() + " resources");
            }
        }
        out.flush();
        return new Result(writer.counts(), stats, identifiers.stats(), scanner == null ? 0 : scanner.windows());
    }
}
