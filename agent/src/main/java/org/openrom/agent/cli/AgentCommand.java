package org.openrom.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.deliver.Delivery;
import org.openrom.agent.keys.Enrolment;
import org.openrom.agent.keys.PasswordFile;
import org.openrom.agent.schedule.Quarter;
import org.openrom.agent.seal.Sealer;

/**
 * {@code openrom agent [--config FILE] <command>}. Exit status: 0 done, 1 something is left undone (a batch
 * undelivered, a seal that failed), 2 bad input (one line {@code openrom: …} on stderr). Progress goes to stderr.
 */
public final class AgentCommand {
    static final int OK = 0;
    static final int UNDONE = 1;
    static final int USAGE = 2;

    static final String HELP = """
            Usage: openrom agent [--config FILE] <command>

            Commands:
              run                     Wake on schedule: seal each due quarter (catching up missed ones, oldest
                                      first), deliver, purge; sleep until the next due time.
              status [--json]         Last and next submission, undelivered batches, certificates, warnings.
              preview [QUARTER] [--ndjson FILE|-]
                                      What would leave the site for QUARTER (default: the next one to seal):
                                      counts, data quality, k-anonymity; --ndjson writes the payload itself.
              submit-now [QUARTER]    Seal the due quarters (through QUARTER, which must have ended) and deliver
                                      every undelivered batch now, stopped ones included.
              enrol [--site ID] [--csr FILE]
                                      Make the site key and K_link (an existing K_link is kept); write the CSR.
              enrol --import-cert site.crt --collator-certs collator-certs.pem
                                      Import the issued site certificate and the collator's certificates.
              rotate-key [--csr FILE] Make a new site key and its CSR; the current one stays until the import.

            The configuration: --config, else -Dopenrom.agent.config, else conf/agent.properties in the
            installation (see conf/agent.example.properties).
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Delivery.Sleeper sleeper;
    private final Agent.BatchSealer sealer;

    public AgentCommand(PrintStream out, PrintStream err, Clock clock, Delivery.Sleeper sleeper, Agent.BatchSealer sealer) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.sleeper = sleeper;
        this.sealer = sealer;
    }

    /** The production wiring: the system clock (or -Dopenrom.agent.clock for tests), real sleeps, the real sealer. */
    public static AgentCommand standard(PrintStream out, PrintStream err) {
        Clock clock = Clock.systemUTC();
        String at = System.getProperty("openrom.agent.clock");
        if (at != null) {
            clock = Clock.offset(clock, Duration.between(Instant.now(), Instant.parse(at)));
        }
        Sealer real = new Sealer();
        return new AgentCommand(out, err, clock, d -> Thread.sleep(d.toMillis()), real::seal);
    }

    public int run(List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        try {
            if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
                out.print(HELP);
                return args.isEmpty() ? USAGE : OK;
            }
            Path configFile = configFile(args);
            if (args.isEmpty()) {
                out.print(HELP);
                return USAGE;
            }
            String command = args.remove(0);
            Options o = new Options(args);
            AgentConfig config = AgentConfig.load(configFile);
            return switch (command) {
                case "enrol" -> enrol(config, o);
                case "rotate-key" -> rotate(config, o);
                case "status" -> status(config, o);
                case "submit-now" -> submitNow(config, o);
                case "run" -> o.flag("--once") ? once(config, o) : new Supervisor(out, err, clock, sleeper).run(config, o,
                        () -> loop(config, o));
                case "preview" -> new PreviewCommand(out, err, clock).run(config, o);
                default -> throw new IllegalArgumentException("unknown agent command '" + command + "' (try 'openrom agent help')");
            };
        } catch (IllegalArgumentException e) {
            err.println("openrom: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("openrom: " + e);
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("openrom: interrupted");
            return UNDONE;
        } catch (SQLException | GeneralSecurityException e) {
            err.println("openrom: agent failed: " + e);
            return UNDONE;
        }
    }

    private Path configFile(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--config")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--config needs a file");
                }
                Path p = Path.of(args.get(i + 1));
                args.remove(i + 1);
                args.remove(i);
                return checkedConfig(p);
            }
        }
        String prop = System.getProperty("openrom.agent.config");
        if (prop != null) {
            return checkedConfig(Path.of(prop));
        }
        String home = System.getProperty("openrom.home");
        return checkedConfig(home == null ? Path.of("agent.properties") : Path.of(home, "conf", "agent.properties"));
    }

    private static Path checkedConfig(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("agent configuration not found: " + p
                    + " (copy conf/agent.example.properties to conf/agent.properties and edit it, or pass --config)");
        }
        return p;
    }

    private int enrol(AgentConfig config, Options o) throws IOException, GeneralSecurityException, SQLException {
        String site = o.value("--site", config.siteId());
        if (!site.equals(config.siteId())) {
            throw new IllegalArgumentException("--site " + site + " does not match site.id=" + config.siteId() + " in " + config.file());
        }
        Session.createPrivateDirectory(config.dataDir());
        if (PasswordFile.createIfAbsent(config.passwordFile(), new SecureRandom())) {
            err.println("made the keystore password file " + config.passwordFile() + " (mode 0600; back it up with the keystore)");
        }
        Enrolment enrolment = new Enrolment(site, config.keystore(), PasswordFile.read(config.passwordFile()), clock,
                new SecureRandom());
        String cert = o.value("--import-cert", null);
        Enrolment.Outcome outcome;
        if (cert != null) {
            String bundle = o.value("--collator-certs", null);
            if (bundle == null) {
                throw new IllegalArgumentException("--import-cert needs --collator-certs collator-certs.pem");
            }
            o.done();
            outcome = enrolment.importCertificate(existing(cert), existing(bundle), config.collatorCertificates(),
                    config.collatorPins());
        } else {
            Path csr = Path.of(o.value("--csr", config.dataDir().resolve("site.csr").toString()));
            o.done();
            outcome = enrolment.enrol(csr);
        }
        outcome.lines().forEach(out::println);
        try (Session s = new Session(config, clock)) {
            s.writeStatus();
        }
        return OK;
    }

    private int rotate(AgentConfig config, Options o) throws IOException, GeneralSecurityException, SQLException {
        Path csr = Path.of(o.value("--csr", config.dataDir().resolve("site-next.csr").toString()));
        o.done();
        new Enrolment(config.siteId(), config.keystore(), PasswordFile.read(config.passwordFile()), clock, new SecureRandom())
                .rotate(csr).lines().forEach(out::println);
        return OK;
    }

    private int status(AgentConfig config, Options o) throws IOException, SQLException {
        boolean json = o.flag("--json");
        o.done();
        try (Session s = new Session(config, clock)) {
            var report = s.status();
            StatusReport.write(report, config.statusFile());
            out.print(json ? StatusReport.toJson(report) + "\n" : StatusText.render(report));
            return OK;
        }
    }

    private int submitNow(AgentConfig config, Options o)
            throws IOException, SQLException, GeneralSecurityException, InterruptedException {
        @Nullable String q = o.positional();
        o.done();
        try (Session s = new Session(config, clock)) {
            Quarter last = s.state.lastQuarter();
            List<Quarter> quarters = q == null ? config.schedule().dueQuarters(clock.instant(), last)
                    : quartersThrough(config, s, config.schedule().scheme().parse(q), last);
            return pass(s, quarters, true);
        }
    }

    private List<Quarter> quartersThrough(AgentConfig config, Session s, Quarter target, @Nullable Quarter last)
            throws SQLException {
        if (s.state.byQuarter(target).isPresent() || s.state.wasEmpty(target)) {
            return List.of();
        }
        LocalDate today = clock.instant().atZone(config.schedule().zone()).toLocalDate();
        if (!target.end().isBefore(today)) {
            throw new IllegalArgumentException("quarter " + target.id() + " has not ended (it ends " + target.end() + ")");
        }
        if (last != null && target.compareTo(last) < 0) {
            throw new IllegalArgumentException("quarter " + target.id() + " is before the last sealed quarter " + last.id()
                    + "; its rows travelled in a later batch");
        }
        List<Quarter> list = new ArrayList<>();
        for (Quarter x = last == null ? target : last.next(); x.compareTo(target) <= 0; x = x.next()) {
            list.add(x);
        }
        return list;
    }

    /** One pass: seal, deliver, purge. @return OK when nothing is left undelivered */
    private int pass(Session s, List<Quarter> quarters, boolean retryStopped)
            throws IOException, SQLException, GeneralSecurityException, InterruptedException {
        Agent agent = new Agent(s.config, s.state, sealer, clock, err::println);
        boolean sealed = agent.seal(s.identity(), quarters);
        int left = 0;
        if (!s.state.inState(org.openrom.agent.state.BatchState.SEALED, org.openrom.agent.state.BatchState.SENDING,
                org.openrom.agent.state.BatchState.STOPPED).isEmpty()) {
            left = agent.deliver(s.delivery(sleeper, err::println), retryStopped);
            s.noteSkew();
        }
        agent.purge();
        s.writeStatus();
        if (left > 0) {
            err.println(left + " batch(es) not delivered yet; see 'openrom agent status'");
        }
        return sealed && left == 0 ? OK : UNDONE;
    }

    /** One wake of {@code run}: a pass, then the next wake time on stdout for the supervisor. */
    private int once(AgentConfig config, Options o) throws IOException, SQLException, InterruptedException {
        o.done();
        int result;
        Instant next;
        try (Session s = new Session(config, clock)) {
            try {
                result = pass(s, config.schedule().dueQuarters(clock.instant(), s.state.lastQuarter()), false);
            } catch (IllegalArgumentException | GeneralSecurityException | SQLException e) {
                err.println("openrom: agent pass failed: " + e.getMessage());
                s.state.log("error", String.valueOf(e.getMessage()));
                s.writeStatus();
                result = UNDONE;
            }
            next = nextWake(s);
        }
        out.println(Supervisor.NEXT_WAKE + next);
        return result;
    }

    /** {@code run} in this process (when there is no installation to start wake processes from). */
    private int loop(AgentConfig config, Options o) throws IOException, SQLException, InterruptedException {
        o.done();
        err.println("agent for site " + config.siteId() + " running; status in " + config.statusFile());
        while (true) {
            Instant next;
            // The state file and the HTTP client are opened per wake and closed before sleeping, so that the idle
            // agent holds no SQLite page cache, connections or TLS sessions.
            try (Session s = new Session(config, clock)) {
                try {
                    pass(s, config.schedule().dueQuarters(clock.instant(), s.state.lastQuarter()), false);
                } catch (IllegalArgumentException | GeneralSecurityException | SQLException e) {
                    err.println("openrom: agent pass failed: " + e.getMessage());
                    s.state.log("error", String.valueOf(e.getMessage()));
                    s.writeStatus();
                }
                next = nextWake(s);
            }
            err.println("next wake " + next);
            // Idle for up to an hour: a full collection lets the heap shrink (-XX:MaxHeapFreeRatio), which is most
            // of what an idle agent would otherwise keep resident.
            System.gc();
            sleeper.sleep(Duration.between(clock.instant(), next));
        }
    }

    /** The next due quarter, or sooner (within the longest back-off) while a batch is undelivered; at most an hour. */
    private Instant nextWake(Session s) throws SQLException {
        Instant now = clock.instant();
        Instant due = s.config.schedule().nextDue(now, s.state.lastQuarter());
        Instant latest = now.plus(Duration.ofHours(1));
        Instant wake = due.isBefore(latest) ? due : latest;
        return wake.isBefore(now) ? now.plusSeconds(1) : wake;
    }

    private static Path existing(String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("file not found: " + file);
        }
        return p;
    }
}
