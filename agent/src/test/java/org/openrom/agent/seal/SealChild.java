package org.openrom.agent.seal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Seals a given site database in this (child) JVM with keys from {@link SealPki}, whose PEMs it writes so the parent
 * can open the batch. Args: {@code <db> <out>}. Prints {@code sealed <file>} and the heap peak.
 */
public final class SealChild {

    public static void main(String[] args) throws Exception {
        SealPki pki = new SealPki("RXX01");
        SealPki.pem(Path.of(args[1]).resolve("collator.key"), pki.collator.getPrivate());
        SealPki.pem(Path.of(args[1]).resolve("collator.crt"), pki.collatorCert);
        SealedBatch b = new Sealer().seal(SealRequest.builder().siteId("RXX01").batchId(UUID.randomUUID()).sequence(1)
                .selection(new Selection(Path.of(args[0]), 0,
                        new Quarter("2099-Q4", LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31)), ZoneId.of("Europe/London")))
                .linkKey(pki.linkKey).signer(pki.site.getPrivate(), pki.siteCert).recipients(List.of(pki.collatorCert))
                .outputDir(Path.of(args[1])).build());
        System.out.println("rows " + b.rows() + " lines " + b.counts().lines() + " heap peak MiB "
                + SealBenchmark.peakHeapMiB());
        System.out.println("sealed " + b.file());
    }
}
