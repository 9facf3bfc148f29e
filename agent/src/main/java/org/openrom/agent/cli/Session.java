package org.openrom.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.deliver.CollatorClient;
import org.openrom.agent.deliver.Delivery;
import org.openrom.agent.deliver.ReceiptVerifier;
import org.openrom.agent.deliver.Uploader;
import org.openrom.agent.keys.PasswordFile;
import org.openrom.agent.keys.SiteIdentity;
import org.openrom.agent.state.AgentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open agent data folder: the configuration, the state file, the site identity (when enrolled), and
 * {@code agent-status.json} rewritten after every state change.
 */
final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    final AgentConfig config;
    final Clock clock;
    final AgentState state;
    private @Nullable SiteIdentity identity;
    private @Nullable String identityProblem;
    private @Nullable Uploader uploader;

    Session(AgentConfig config, Clock clock) throws IOException, SQLException {
        this.config = config;
        this.clock = clock;
        createPrivateDirectory(config.dataDir());
        this.state = AgentState.open(config.stateDatabase(), clock, this::writeStatus);
        reloadIdentity();
    }

    /** Creates the data folder readable by its owner only (keys, receipts and batches live there). */
    static void createPrivateDirectory(java.nio.file.Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        if (dir.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    /** The site identity. @throws IllegalArgumentException saying what enrolment step is missing */
    SiteIdentity identity() {
        if (identity == null) {
            throw new IllegalArgumentException(String.valueOf(identityProblem));
        }
        return identity;
    }

    void reloadIdentity() throws IOException {
        try {
            identity = SiteIdentity.load(config.siteId(), config.keystore(), PasswordFile.read(config.passwordFile()),
                    config.collatorCertificates(), config.collatorPins());
            identityProblem = null;
        } catch (IllegalArgumentException e) {
            identity = null;
            identityProblem = e.getMessage();
        }
    }

    Delivery delivery(Delivery.Sleeper sleeper, Consumer<String> progress) throws GeneralSecurityException {
        SiteIdentity id = identity();
        var http = CollatorClient.build(id, config.collatorUrl(), CollatorClient.Timeouts.of(config.connectTimeout(),
                config.readTimeout()));
        uploader = new Uploader(http, config.collatorUrl(), config.siteId(),
                new ReceiptVerifier(id.collator().collators(), id.pins()), clock);
        return new Delivery(state, uploader, config.retry(), sleeper, new SplittableRandom(new SecureRandom().nextLong()),
                progress);
    }

    /** Keeps the clock skew the last answer showed, for the status page. */
    void noteSkew() throws SQLException {
        Duration skew = uploader == null ? null : uploader.lastSkew();
        if (skew != null) {
            state.put(StatusReport.SKEW_KEY, Long.toString(skew.toSeconds()));
            writeStatus();
        }
    }

    ObjectNode status() throws SQLException {
        List<X509Certificate> site = identity == null ? List.of() : Arrays.asList(identity.chain());
        List<X509Certificate> collator = identity == null ? List.of() : identity.collator().all();
        return new StatusReport(config, clock).build(state, site, collator, identityProblem);
    }

    /** Rewrites agent-status.json; a failure here is logged, never allowed to undo a state change. */
    void writeStatus() {
        try {
            StatusReport.write(status(), config.statusFile());
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("cannot write {}: {}", config.statusFile(), e.toString());
        }
    }

    @Override
    public void close() throws SQLException {
        state.close();
    }
}
