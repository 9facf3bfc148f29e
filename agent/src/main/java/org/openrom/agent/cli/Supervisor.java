package org.openrom.agent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.agent.deliver.Delivery;

/**
 * {@code openrom agent run} as a small sleeping process: each wake starts {@code openrom agent run --once} (seal,
 * deliver, purge, in a process of its own) and sleeps until the time that process names. The idle agent therefore
 * holds no SQLite, TLS, Bouncy Castle or JSON code, only this loop. Without an installation ({@code openrom.home}
 * unset) the passes run in this process instead.
 */
final class Supervisor {
    static final String NEXT_WAKE = "next-wake ";
    /** After a wake process that named no next wake (it crashed): try again after this. */
    static final Duration AFTER_FAILURE = Duration.ofMinutes(15);

    /** The in-process fallback. */
    interface Loop {
        int run() throws IOException, java.sql.SQLException, InterruptedException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Delivery.Sleeper sleeper;

    Supervisor(PrintStream out, PrintStream err, Clock clock, Delivery.Sleeper sleeper) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    int run(AgentConfig config, Options o, Loop inProcess) throws IOException, java.sql.SQLException, InterruptedException {
        String home = System.getProperty("openrom.home");
        Path launcher = home == null ? null : Path.of(home, "bin", "openrom");
        if (launcher == null || !Files.isExecutable(launcher)) {
            return inProcess.run();
        }
        o.done();
        err.println("agent for site " + config.siteId() + " running; status in " + config.statusFile());
        while (true) {
            Instant next = wake(launcher, config.file());
            if (next == null) {
                next = clock.instant().plus(AFTER_FAILURE);
            }
            err.println("next wake " + next);
            Duration wait = Duration.between(clock.instant(), next);
            if (!wait.isNegative()) {
                sleeper.sleep(wait);
            }
        }
    }

    /** Runs one wake process; returns the next wake it names, or null. */
    private @Nullable Instant wake(Path launcher, Path config) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "agent", "--config",
                config.toAbsolutePath().toString(), "run", "--once"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        String clockProperty = System.getProperty("openrom.agent.clock");
        if (clockProperty != null) {
            // A test clock: keep the child on the same (offset) clock as this process.
            String opts = pb.environment().getOrDefault("JAVA_OPTS", "");
            pb.environment().put("JAVA_OPTS", opts + " -Dopenrom.agent.clock=" + clock.instant());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        Instant next = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(NEXT_WAKE)) {
                    try {
                        next = Instant.parse(line.substring(NEXT_WAKE.length()).strip());
                    } catch (DateTimeParseException e) {
                        err.println("openrom: wake process named a bad next wake: " + line);
                    }
                } else {
                    out.println(line);
                }
            }
        }
        int code = p.waitFor();
        if (code != 0 && code != AgentCommand.UNDONE) {
            err.println("openrom: wake process exited with " + code);
        }
        return next;
    }
}
