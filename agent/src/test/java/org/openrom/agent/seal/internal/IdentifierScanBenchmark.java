package org.openrom.agent.seal.internal;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.openrom.agent.seal.Preview;
import org.openrom.agent.seal.Quarter;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.source.SiteDatabase;

/**
 * Figures for the note (not a unit test): the identifier scan alone, on one thread, over the whole payload of a
 * site database that {@code SealBenchmark} made, in blocks of the size sealing uses. Usage: {@code
 * IdentifierScanBenchmark <site.db> [rounds]}; the payload is held in memory (about 5.2 KB per response: give the JVM
 * {@code -Xmx2g} for {@code site-100000.db}). Prints each round and the median. Run it on two versions of the code to compare them.
 */
public final class IdentifierScanBenchmark {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        IdentifierSet set;
        try (SiteDatabase site = SiteDatabase.open(db)) {
            set = SiteIdentifiers.collect(site, Catalogues.get()).set();
        }
        Payloads.Buffer payload = new Payloads.Buffer(1 << 20);
        Selection all = new Selection(db, 0, new Quarter("2099-Q4", LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31)),
                ZoneId.of("Europe/London"));
        Preview.run(all, new SecretKeySpec(new byte[32], "HmacSHA256"), 90, LocalDate.of(2099, 12, 31), payload);
        System.out.printf("java %s: %,d identifiers, payload %,d bytes%n", System.getProperty("java.version"), set.size(),
                payload.size());
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            IdentifierScan scan = new IdentifierScan(OutputStream.nullOutputStream(), set);
            for (int off = 0; off < payload.size(); off += Payloads.BLOCK_INPUT_BYTES) {
                scan.write(payload.bytes(), off, Math.min(Payloads.BLOCK_INPUT_BYTES, payload.size() - off));
            }
            scan.finish();
            seconds[r] = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %.3f s, %,d windows, %,d lines%n", r + 1, seconds[r], scan.windows(), scan.lines());
        }
        Arrays.sort(seconds);
        System.out.printf("SCAN median %.3f s (%.0f MB/s)%n", seconds[rounds / 2], payload.size() / seconds[rounds / 2] / 1e6);
    }
}
