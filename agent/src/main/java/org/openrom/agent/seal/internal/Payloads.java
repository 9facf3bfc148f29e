package org.openrom.agent.seal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.seal.BatchCounts;
import org.openrom.agent.seal.SealProgress;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.seal.internal.PayloadBuilder.PatientGroup;
import org.openrom.agent.source.EpisodeRow;
import org.openrom.agent.source.PatientRow;
import org.openrom.agent.source.ResponseRow;
import org.openrom.agent.source.SiteDatabase;

/**
 * Writes a selection's NDJSON payload, through the identifier scan. Shared by seal and preview.
 *
 * <p>The calling thread reads the site database (one connection, rows grouped by young person) and cuts the rows
 * into blocks of whole young people, about {@link #BLOCK_INPUT_BYTES} of stored JSON each. Worker threads (one per
 * core, at most {@link #MAX_WORKERS}) turn each block into NDJSON, scan it for identifiers and, for a seal, deflate
 * it: raw deflate ending in a sync flush, so that the blocks joined in order are one deflate stream (what pigz
 * does; {@link PayloadFile} adds the gzip header, the final block and the trailer). The calling thread hands
 * finished blocks to the {@link Sink} in payload order, so the payload is the same whatever the number of workers.
 * At most {@code 2 × workers + 1} blocks are in flight, so memory does not grow with the batch.
 *
 * <p>The scan sees each block on its own. Nothing is lost at a block's edges: a block ends with a newline, and a
 * newline already ends every window of tokens. The first identifier in payload order is reported, with its line
 * counted from the start of the payload.
 */
final class Payloads {

    /** What was built, beside the writer's counts. */
    record Stats(long rows, long firstSeq, long lastSeq, long patientsWithoutRecord, long droppedAnswers) {}

    record Result(BatchCounts counts, Stats stats, SiteIdentifiers.Stats identifiers, long windows) {}

    /** Receives finished blocks in payload order. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param raw the block's NDJSON, {@code rawLength} bytes
         * @param deflated its raw deflate form ending in a sync flush ({@code deflatedLength} bytes), or null when
         *     the payload is not compressed
         */
        void block(byte[] raw, int rawLength, byte @Nullable [] deflated, int deflatedLength) throws IOException;
    }

    /** Stored JSON per block: about 130 responses, about 700 KB of NDJSON. */
    static final int BLOCK_INPUT_BYTES = 1 << 19;
    static final int MAX_WORKERS = 4;
    /** Deflate level meaning "do not compress" (preview). */
    static final int NO_DEFLATE = -1;

    private Payloads() {}

    static Result write(SiteDatabase db, Selection selection, SecretKey linkKey, MeasureCatalogue catalogue, Sink sink,
            int deflateLevel, BatchSealing.WriterFactory writers, boolean scan, SealProgress progress)
            throws Exception {
        int workers = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        return write(db, selection, linkKey, catalogue, sink, deflateLevel, writers, scan, progress, workers);
    }

    /** @param workers threads building blocks (tests compare one with several) */
    static Result write(SiteDatabase db, Selection selection, SecretKey linkKey, MeasureCatalogue catalogue, Sink sink,
            int deflateLevel, BatchSealing.WriterFactory writers, boolean scan, SealProgress progress, int workers)
            throws Exception {
        Instant start = selection.quarter().start().atStartOfDay(selection.zone()).toInstant();
        Instant end = selection.quarter().end().plusDays(1).atStartOfDay(selection.zone()).toInstant();
        long expected = db.count("SELECT count(*) FROM outbox WHERE seq > ? AND created_at < ?", selection.afterSeq(),
                SiteDatabase.storedTime(end));
        SiteIdentifiers identifiers = SiteIdentifiers.collect(db, catalogue);
        BlockWork work = new BlockWork(linkKey, catalogue, writers, selection, scan ? identifiers.set() : null,
                deflateLevel);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "seal-build-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InOrder inOrder = new InOrder(sink, work, progress, expected, 2 * workers + 1);
        try {
            Grouper grouper = new Grouper(db, block -> inOrder.add(pool.submit(() -> work.build(block))));
            db.rows(selection.afterSeq(), end, grouper::row);
            db.changedWithoutRows(selection.afterSeq(), start, end, grouper::withoutRows);
            grouper.finish();
            inOrder.drain();
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("payload workers did not stop");
            }
            work.close();
        }
        progress.progress("payload", inOrder.rows, expected);
        Stats stats = new Stats(inOrder.rows, inOrder.rows == 0 ? 0 : inOrder.firstSeq, inOrder.lastSeq,
                inOrder.withoutRecord, inOrder.dropped);
        return new Result(inOrder.counts(), stats, identifiers.stats(), inOrder.windows);
    }

    /** Cuts the rows (calling thread) into blocks of whole young people, with each one's record and episodes. */
    private static final class Grouper {
        interface Blocks {
            void add(List<PatientGroup> block) throws Exception;
        }

        private final SiteDatabase db;
        private final Blocks blocks;
        private @Nullable String patientId;
        private Optional<PatientRow> patient = Optional.empty();
        private List<EpisodeRow> episodes = List.of();
        private List<ResponseRow> rows = new ArrayList<>();
        private List<PatientGroup> block = new ArrayList<>();
        private long blockBytes;

        Grouper(SiteDatabase db, Blocks blocks) {
            this.db = db;
            this.blocks = blocks;
        }

        void row(ResponseRow r) throws Exception {
            if (!r.patientId().equals(patientId)) {
                if (patientId != null && compareUtf8(r.patientId(), patientId) < 0) {
                    throw new IllegalStateException("rows are not grouped by patient (seq " + r.seq() + ")");
                }
                endPatient();
                patientId = r.patientId();
                patient = db.patient(r.patientId());
                episodes = db.episodes(r.patientId());
            }
            rows.add(r);
            blockBytes += r.fhirJson().length + r.scoresJson().length;
        }

        /** A young person whose record changed in the quarter, without rows. */
        void withoutRows(String id) throws Exception {
            endPatient();
            block.add(new PatientGroup(id, db.patient(id), db.episodes(id), List.of()));
            blockBytes += 1024;
            endBlockIfFull();
        }

        void finish() throws Exception {
            endPatient();
            if (!block.isEmpty()) {
                blocks.add(block);
                block = new ArrayList<>();
            }
        }

        private void endPatient() throws Exception {
            if (patientId != null) {
                block.add(new PatientGroup(patientId, patient, episodes, rows));
                patientId = null;
                rows = new ArrayList<>();
                endBlockIfFull();
            }
        }

        private void endBlockIfFull() throws Exception {
            if (blockBytes >= BLOCK_INPUT_BYTES) {
                blocks.add(block);
                block = new ArrayList<>();
                blockBytes = 0;
            }
        }

        private static int compareUtf8(String a, String b) {
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A finished block. {@code found} is the first identifier in it (line counted within the block). */
    private record Block(Buffer raw, byte @Nullable [] deflated, int deflatedLength, BatchCounts counts, long rows,
            long firstSeq, long lastSeq, long withoutRecord, long dropped, long windows,
            IdentifierScan.@Nullable Found found) {}

    /** What a worker does with a block: build, scan, deflate. Each worker thread has its own state. */
    private static final class BlockWork {
        private final MeasureCatalogue catalogue;
        private final BatchSealing.WriterFactory writers;
        private final Selection selection;
        private final @Nullable IdentifierSet identifiers;
        private final int level;
        private final ThreadLocal<Worker> worker;
        private final ConcurrentLinkedQueue<Worker> all = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Buffer> buffers = new ConcurrentLinkedQueue<>();

        BlockWork(SecretKey linkKey, MeasureCatalogue catalogue, BatchSealing.WriterFactory writers, Selection selection,
                @Nullable IdentifierSet identifiers, int level) {
            this.catalogue = catalogue;
            this.writers = writers;
            this.selection = selection;
            this.identifiers = identifiers;
            this.level = level;
            this.worker = ThreadLocal.withInitial(() -> {
                Worker w = new Worker(new Pseudonyms(linkKey), level == NO_DEFLATE ? null : new Deflater(level, true));
                all.add(w);
                return w;
            });
        }

        Block build(List<PatientGroup> groups) throws Exception {
            Worker w = worker.get();
            Buffer raw = buffer();
            ResourceWriter writer = writers.create(raw);
            PayloadBuilder builder = new PayloadBuilder(w.pseudonyms, catalogue, writer, selection.zone());
            for (PatientGroup g : groups) {
                builder.patient(g);
            }
            writer.close();
            BatchCounts counts = writer.counts();
            long windows = 0;
            IdentifierScan.Found found = null;
            if (identifiers != null) {
                IdentifierScan scan = new IdentifierScan(OutputStream.nullOutputStream(), identifiers);
                try {
                    scan.write(raw.bytes(), 0, raw.size());
                    scan.finish();
                    if (scan.lines() != counts.lines()) {
                        throw new IllegalStateException("payload block has " + scan.lines() + " lines for "
                                + counts.lines() + " resources");
                    }
                } catch (IdentifierScan.Found f) {
                    found = f;
                }
                windows = scan.windows();
            }
            byte[] deflated = null;
            int deflatedLength = 0;
            if (found == null && w.deflater != null) {
                Deflater d = w.deflater;
                d.reset();
                d.setInput(raw.bytes(), 0, raw.size());
                byte[] out = w.out;
                int n;
                while ((n = d.deflate(out, deflatedLength, out.length - deflatedLength, Deflater.SYNC_FLUSH))
                        == out.length - deflatedLength) {
                    deflatedLength += n;
                    out = Arrays.copyOf(out, out.length * 2);
                }
                deflatedLength += n;
                w.out = out;
                deflated = Arrays.copyOf(out, deflatedLength);
            }
            return new Block(raw, deflated, deflatedLength, counts, builder.rows(), builder.firstSeq(),
                    builder.lastSeq(), builder.withoutRecord(), builder.droppedAnswers(), windows, found);
        }

        private Buffer buffer() {
            Buffer b = buffers.poll();
            if (b == null) {
                return new Buffer(BLOCK_INPUT_BYTES * 2);
            }
            b.reset();
            return b;
        }

        void recycle(Buffer b) {
            buffers.add(b);
        }

        void close() {
            for (Worker w; (w = all.poll()) != null; ) {
                if (w.deflater != null) {
                    w.deflater.end();
                }
            }
        }
    }

    private static final class Worker {
        final Pseudonyms pseudonyms;
        final @Nullable Deflater deflater;
        byte[] out = new byte[1 << 17];

        Worker(Pseudonyms pseudonyms, @Nullable Deflater deflater) {
            this.pseudonyms = pseudonyms;
            this.deflater = deflater;
        }
    }

    /** Hands blocks to the sink in the order they were cut, on the calling thread, and adds up what they hold. */
    private static final class InOrder {
        private final Sink sink;
        private final BlockWork work;
        private final SealProgress progress;
        private final long expected;
        private final int maxInFlight;
        private final ArrayDeque<Future<Block>> inFlight = new ArrayDeque<>();
        long rows;
        long firstSeq = Long.MAX_VALUE;
        long lastSeq;
        long withoutRecord;
        long dropped;
        long windows;
        private long lines;
        private long patients;
        private long episodes;
        private long encounters;
        private long responses;
        private long observations;

        InOrder(Sink sink, BlockWork work, SealProgress progress, long expected, int maxInFlight) {
            this.sink = sink;
            this.work = work;
            this.progress = progress;
            this.expected = expected;
            this.maxInFlight = maxInFlight;
        }

        void add(Future<Block> block) throws Exception {
            inFlight.add(block);
            while (inFlight.size() > maxInFlight) {
                next();
            }
        }

        void drain() throws Exception {
            while (!inFlight.isEmpty()) {
                next();
            }
        }

        private void next() throws Exception {
            Block b;
            try {
                b = inFlight.remove().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
            if (b.found() != null) {
                throw new IdentifierScan.Found(b.found().kind(), lines + b.found().line());
            }
            sink.block(b.raw().bytes(), b.raw().size(), b.deflated(), b.deflatedLength());
            work.recycle(b.raw());
            BatchCounts c = b.counts();
            lines += c.lines();
            patients += c.patients();
            episodes += c.episodes();
            encounters += c.encounters();
            responses += c.responses();
            observations += c.observations();
            windows += b.windows();
            withoutRecord += b.withoutRecord();
            dropped += b.dropped();
            if (b.rows() > 0) {
                firstSeq = Math.min(firstSeq, b.firstSeq());
                lastSeq = Math.max(lastSeq, b.lastSeq());
            }
            long before = rows;
            rows += b.rows();
            if ((before >>> 14) != (rows >>> 14)) {
                progress.progress("payload", rows, expected);
            }
        }

        BatchCounts counts() {
            return new BatchCounts(patients, episodes, encounters, responses, observations);
        }
    }

    /** A growable byte buffer without locks, read in place. */
    static final class Buffer extends OutputStream {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }
    }
}
