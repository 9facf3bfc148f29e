package org.openrom.agent.seal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Objects;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.OperatorCreationException;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealRequest;
import org.openrom.agent.seal.SealedBatch;
import org.openrom.agent.source.SiteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One sealing run: payload (scanned) → temp file → envelope → {@code .p7m.part} → fsync → rename. */
public final class BatchSealing {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSealing.class);

    /** Makes the resource writer; tests pass a broken one. */
    @FunctionalInterface
    public interface WriterFactory {
        ResourceWriter create(OutputStream out) throws IOException;
    }

    private final SealRequest request;
    private final WriterFactory writers;
    private final boolean scan;

    public BatchSealing(SealRequest request) {
        this(request, ResourceWriter::new, true);
    }

    /** For tests: another writer, or the identifier scan switched off (a control run, never in production). */
    BatchSealing(SealRequest request, WriterFactory writers, boolean scan) {
        this.request = request;
        this.writers = writers;
        this.scan = scan;
    }

    public SealedBatch run() throws SealException {
        Path dir = request.outputDir();
        String name = request.batchId().toString();
        Path target = dir.resolve(name + ".p7m");
        Path part = dir.resolve(name + ".p7m.part");
        Path temp = dir.resolve(name + ".payload.gz.tmp");
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                throw new SealException(SealError.OUTPUT, target + " exists already; a sealed batch is never rebuilt");
            }
            Files.deleteIfExists(part);
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new SealException(SealError.OUTPUT, "cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            SealedBatch sealed = seal(target, part, temp);
            done = true;
            return sealed;
        } finally {
            if (!done) {
                deleteQuietly(part);
                deleteQuietly(temp);
            }
        }
    }

    private SealedBatch seal(Path target, Path part, Path temp) throws SealException {
        MeasureCatalogue catalogue = Catalogues.get();
        try (SiteDatabase db = SiteDatabase.open(request.selection().siteDb());
                PayloadFile payload = new PayloadFile(temp)) {
            Payloads.Result built = Payloads.write(db, request.selection(), request.linkKey(), catalogue,
                    (ndjson, length, deflated, deflatedLength) -> payload.append(ndjson, length,
                            Objects.requireNonNull(deflated), deflatedLength),
                    request.gzipLevel(), writers, scan, request.progress());
            payload.finish();
            if (built.counts().lines() == 0) {
                throw new SealException(SealError.EMPTY, "nothing to send for " + request.selection().quarter().id()
                        + " after outbox seq " + request.selection().afterSeq());
            }
            byte[] manifest = Manifest.json(request, built.counts(), built.counts().lines(), payload);
            String sha256 = Envelope.write(part, manifest, payload, request);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            request.progress().progress("done", 1, 1);
            LOG.info("Sealed batch {} ({} rows, {} resources, {} bytes)", request.batchId(), built.stats().rows(),
                    built.counts().lines(), Files.size(target));
            return new SealedBatch(request.batchId(), target, Files.size(target), sha256, payload.sha256(),
                    new String(manifest, StandardCharsets.UTF_8), built.counts(), built.stats().rows(),
                    built.stats().firstSeq(), built.stats().lastSeq());
        } catch (IdentifierScan.Found f) {
            throw new SealException(SealError.IDENTIFIER_FOUND, f.getMessage()
                    + "; sealing stopped and nothing was written. Find the field with `openrom agent preview`"
                    + " (it stops at the same line) and report it: it is a defect", null);
        } catch (SQLException e) {
            throw new SealException(SealError.SITE_DATABASE, "cannot read the site database "
                    + request.selection().siteDb() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | CMSException | OperatorCreationException e) {
            throw new SealException(SealError.CRYPTO, "cannot sign or encrypt batch " + request.batchId() + ": "
                    + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new SealException(SealError.OUTPUT, "cannot write batch " + request.batchId() + " in "
                    + request.outputDir() + ": " + e.getMessage(), e);
        } catch (SealException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("sealing batch " + request.batchId() + " failed", e);
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", p, e.getMessage());
        }
    }
}
