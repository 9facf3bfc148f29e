package org.openrom.agent.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Figures for the note (not a unit test): seal N synthetic responses from a real site database and, in the same
 * run, the raw limit — the same stored bytes read from SQLite through gzip and AES-256-GCM alone. Prints wall time,
 * peak heap (sum of heap pool peaks, reset per phase) and peak RSS (VmHWM, reset per phase through
 * /proc/self/clear_refs). Usage: {@code SealBenchmark <responses> <perPatient> <gzipLevel> <folder> [rounds]}; the database
 * {@code <folder>/site-<responses>.db} is generated on the first run and reused.
 */
public final class SealBenchmark {

    public static void main(String[] args) throws Exception {
        int responses = Integer.parseInt(args[0]);
        int perPatient = Integer.parseInt(args[1]);
        int level = Integer.parseInt(args[2]);
        Path folder = Path.of(args[3]);
        Files.createDirectories(folder);
        Path db = folder.resolve("site-" + responses + ".db");
        if (!Files.exists(db)) {
            long t0 = System.nanoTime();
            new SyntheticSite(7).bulk(db, responses, perPatient, Instant.now().minusSeconds(3600));
            System.out.printf("generated %,d responses in %.1f s (%,d bytes)%n", responses, secs(t0), Files.size(db));
        }
        System.out.printf("java %s, -Xmx %d MiB, gzip level %d, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, level, Runtime.getRuntime().availableProcessors());
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        for (int i = 0; i < rounds; i++) {
            raw(db, level);
            seal(db, level, folder);
        }
    }

    static void raw(Path db, int level) throws Exception {
        resetPeaks();
        long t0 = System.nanoTime();
        long c0 = cpu();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        gcm.init(Cipher.ENCRYPT_MODE, kg.generateKey(), new GCMParameterSpec(128, iv));
        Sink sink = new Sink(gcm);
        long bytes = 0;
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                GZIPOutputStream gz = new GZIPOutputStream(sink, 1 << 16) {
                    {
                        def.setLevel(level);
                    }
                }) {
            ResultSet rs = s.executeQuery("SELECT r.fhir_json, r.scores_json FROM outbox o JOIN response r"
                    + " ON r.response_id = o.response_id ORDER BY o.seq");
            while (rs.next()) {
                byte[] a = rs.getBytes(1);
                byte[] b = rs.getBytes(2);
                gz.write(a);
                gz.write(b);
                bytes += a.length + b.length;
                rows++;
            }
        }
        gcm.doFinal();
        System.out.printf("RAW  %,d rows, %,d bytes read -> %,d gzip+GCM bytes: %.1f s, %,.0f rows/s, peak heap %d MiB,"
                + " peak RSS %d MiB, CPU %.1f s%n", rows, bytes, sink.count, secs(t0), rows / secs(t0), peakHeapMiB(), rssMiB(),
                (cpu() - c0) / 1e9);
    }

    static void seal(Path db, int level, Path folder) throws Exception {
        SealPki pki = new SealPki("RXX01");
        Path out = folder.resolve("out");
        resetPeaks();
        long t0 = System.nanoTime();
        long c0 = cpu();
        long[] envelopeStart = {0};
        SealRequest r = SealRequest.builder().siteId("RXX01").batchId(UUID.randomUUID()).sequence(1)
                .selection(new Selection(db, 0, new Quarter("2099-Q4", LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31)),
                        ZoneId.of("Europe/London")))
                .linkKey(pki.linkKey).signer(pki.site.getPrivate(), pki.siteCert).recipients(List.of(pki.collatorCert))
                .outputDir(out).gzipLevel(level).progress((stage, done, total) -> {
                    if (stage.equals("envelope") && envelopeStart[0] == 0) {
                        envelopeStart[0] = System.nanoTime();
                    }
                }).build();
        SealedBatch b = new Sealer().seal(r);
        double total = secs(t0);
        System.out.printf("SEAL %,d rows, %,d resources, file %,d bytes: %.1f s (payload %.1f s, sign+encrypt %.1f s),"
                + " %,.0f rows/s, peak heap %d MiB, peak RSS %d MiB, CPU %.1f s%n", b.rows(), b.counts().lines(), b.bytes(), total,
                (envelopeStart[0] - t0) / 1e9, (System.nanoTime() - envelopeStart[0]) / 1e9, b.rows() / total,
                peakHeapMiB(), rssMiB(), (cpu() - c0) / 1e9);
        Files.delete(b.file());
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            System.out.println("(cannot reset VmHWM: " + e.getMessage() + ")");
        }
    }

    static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    static long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }

    /** CPU time of the whole process (all threads, GC included): the shared 2-core machine makes wall time noisy. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Encrypts with GCM and discards, counting bytes. */
    static final class Sink extends OutputStream {
        final Cipher cipher;
        long count;

        Sink(Cipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            byte[] out = cipher.update(b, off, len);
            count += out == null ? 0 : out.length;
        }
    }
}
