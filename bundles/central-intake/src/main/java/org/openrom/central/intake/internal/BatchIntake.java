package org.openrom.central.intake.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openrom.central.intake.internal.CollatorStore.StoredBatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's checks in ADR 0004's order: who is sending (403), the body's size and digest (413, 400), a batch id
 * already stored (200 with its receipt, or 409 and quarantine), then the envelope, the signature, the manifest and
 * every resource (400), and one transaction that stores the batch with its receipt (201). Thread-safe.
 */
@Component(service = BatchIntake.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BatchIntake.Config.class)
public final class BatchIntake {
    private static final Logger LOG = LoggerFactory.getLogger(BatchIntake.class);
    static final Pattern SITE = Pattern.compile("[A-Z0-9]{3,12}");
    static final Pattern BATCH_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final long ONE_GIB = 1L << 30;

    @ObjectClassDefinition(name = "OpenROM collator intake")
    public @interface Config {
        @AttributeDefinition(description = "The collator's data folder (collator.p12, collator.pass, collator.db, quarantine/)")
        String dataDir();

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "JDBC URL of the store; empty: the data folder's "
                + "jdbc-url file, else SQLite in the data folder")
        String jdbcUrl() default "";

        @AttributeDefinition(description = "Largest request body accepted, in bytes (413 above)")
        long maxBodyBytes() default ONE_GIB;
    }

    /** One PUT: what the servlet read from the request. */
    public record Upload(String site, String batchId, @Nullable String contentType, long contentLength,
            @Nullable String contentDigest, X509Certificate @Nullable [] clientChain, InputStream body) {}

    /** The answer: 201 or 200 with the receipt, or a refusal. */
    public record Answer(int status, byte[] receipt) {}

    private final CollatorFiles files;
    private final CollatorKeys keys;
    private final CollatorStore store;
    private final long maxBodyBytes;
    private final Clock clock;
    private final boolean safeguards;
    private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private final ClientIdentity identity;
    private final EnvelopeOpener opener;
    private final ResourceRules rules;
    private final Receipts receipts;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    @Activate
    public BatchIntake(Config config) throws IOException, SQLException {
        this(openFiles(config), config.maxBodyBytes(), config.jdbcUrl());
    }

    private BatchIntake(CollatorFiles files, long maxBodyBytes, String jdbcUrl) throws IOException, SQLException {
        this(files, CollatorKeys.load(files), CollatorStore.open(jdbcUrl.isBlank() ? files.jdbcUrl() : jdbcUrl), maxBodyBytes,
                Clock.systemUTC(), true);
    }

    /** @param safeguards false only for the control run of the duplicate test: no look-up, no per-batch lock */
    BatchIntake(CollatorFiles files, CollatorKeys keys, CollatorStore store, long maxBodyBytes, Clock clock, boolean safeguards) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1: " + maxBodyBytes);
        }
        this.files = files;
        this.keys = keys;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.safeguards = safeguards;
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(64 * 1024).maxNumberLength(100).build());
        this.identity = new ClientIdentity(keys.caCert(), store.sites());
        this.opener = new EnvelopeOpener(keys);
        this.rules = new ResourceRules(json);
        this.receipts = new Receipts(keys, json);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    private static CollatorFiles openFiles(Config config) {
        if (config.dataDir() == null || config.dataDir().isBlank()) {
            throw new IllegalArgumentException("dataDir must name the collator's data folder: '" + config.dataDir() + "'");
        }
        return new CollatorFiles(Path.of(config.dataDir()));
    }

    @Deactivate
    void close() throws SQLException {
        store.close();
    }

    CollatorStore store() {
        return store;
    }

    CollatorKeys keys() {
        return keys;
    }

    /** Runs every check and stores the batch; a refusal is an IntakeException with its code. */
    public Answer receive(Upload u) throws IntakeException, IOException, SQLException {
        if (!SITE.matcher(u.site()).matches() || !BATCH_ID.matcher(u.batchId()).matches()) {
            throw new IntakeException(ErrorCode.BAD_PATH, "use PUT /collator/batches/{site}/{batchId}: site [A-Z0-9]{3,12}, "
                    + "batchId a lower-case UUID; got site '" + u.site() + "', batchId '" + u.batchId() + "'");
        }
        MediaTypes.requireBatch(u.contentType());
        X509Certificate client = identity.check(u.clientChain(), u.site(), clock.instant());
        BodySpool.Spooled body = BodySpool.spool(u.body(), u.contentLength(), maxBodyBytes, files.spool());
        try {
            BodySpool.checkDigest(u.contentDigest(), body.sha256());
            if (!safeguards) {
                return store(u, client, body);
            }
            ReentrantLock lock = locks[Math.floorMod((u.site() + "/" + u.batchId()).hashCode(), locks.length)];
            lock.lock();
            try {
                Optional<StoredBatch> existing = store.batch(u.site(), u.batchId());
                if (existing.isPresent()) {
                    return replay(existing.get(), body);
                }
                return store(u, client, body);
            } finally {
                lock.unlock();
            }
        } finally {
            Files.deleteIfExists(body.file());
        }
    }

    private Answer replay(StoredBatch stored, BodySpool.Spooled body) throws IntakeException, IOException, SQLException {
        if (stored.bodySha256().equals(body.sha256Hex())) {
            return new Answer(200, stored.receipt());
        }
        Path q = files.quarantine().resolve(stored.site()).resolve(stored.batchId() + "-" + body.sha256Hex() + ".p7m");
        Files.createDirectories(q.getParent());
        Files.copy(body.file(), q, StandardCopyOption.REPLACE_EXISTING);
        store.event(stored.site(), stored.batchId(), "CONFLICT", "other bytes (SHA-256 " + body.sha256Hex()
                + ") under a stored batch id; kept in " + files.dir().relativize(q), clock.instant());
        LOG.warn("Batch {} of site {}: other bytes under a stored batch id, quarantined", stored.batchId(), stored.site());
        throw new IntakeException(ErrorCode.BATCH_ID_CONFLICT, "batch " + stored.batchId() + " of site " + stored.site()
                + " is already stored with other bytes (SHA-256 " + stored.bodySha256() + "); these bytes (SHA-256 "
                + body.sha256Hex() + ") are kept in quarantine");
    }

    private Answer store(Upload u, X509Certificate client, BodySpool.Spooled body) throws IntakeException, IOException, SQLException {
        Path signed = Files.createTempFile(files.spool(), "signed-", ".der");
        Path zip = Files.createTempFile(files.spool(), "content-", ".zip");
        try {
            opener.open(body.file(), signed, zip, client);
            Files.delete(signed);
            try (BatchReader reader = new BatchReader(zip, json)) {
                Manifest m = reader.manifest();
                checkManifest(m, u);
                Instant received = clock.instant();
                byte[][] receipt = {null};
                Optional<StoredBatch> existing = store.storeBatch(u.site(), u.batchId(), m.sequence(), safeguards, (sink, max) -> {
                    BatchReader.Payload p = reader.ingest(new Pseudonyms(keys.central()), rules, sink);
                    receipt[0] = receipts.sign(m, body.sha256Hex(), received, p.counts());
                    return new CollatorStore.Batch(u.site(), u.batchId(), m.sequence(), m.quarter(), body.sha256Hex(),
                            m.payloadSha256(), body.bytes(), p.lines(), received, receipt[0]);
                });
                if (existing.isPresent()) {
                    return replay(existing.get(), body);
                }
                LOG.info("Stored batch {} of site {} (sequence {})", u.batchId(), u.site(), m.sequence());
                return new Answer(201, receipt[0]);
            }
        } finally {
            Files.deleteIfExists(signed);
            Files.deleteIfExists(zip);
        }
    }

    private void checkManifest(Manifest m, Upload u) throws IntakeException {
        if (!m.site().equals(u.site())) {
            throw new IntakeException(ErrorCode.MANIFEST_SITE_NOT_CLIENT,
                    "the manifest names site '" + m.site() + "', the path and the certificates site '" + u.site() + "'");
        }
        if (!m.batchId().equals(u.batchId())) {
            throw new IntakeException(ErrorCode.BATCH_ID_MISMATCH,
                    "the manifest's batchId " + m.batchId() + " is not the path's " + u.batchId());
        }
        if (!m.recipientName().equals(keys.collatorName())
                || !m.recipientCertificates().contains(Certificates.sha256(keys.collatorCert()))) {
            throw new IntakeException(ErrorCode.WRONG_RECIPIENT, "the manifest names recipient '" + m.recipientName() + "' "
                    + m.recipientCertificates() + ", not this collator '" + keys.collatorName() + "' ["
                    + Certificates.sha256(keys.collatorCert()) + "]");
        }
    }
}
