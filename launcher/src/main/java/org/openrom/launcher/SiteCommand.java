package org.openrom.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * {@code openrom site}: checks what a user can get wrong (port, data folder, database) before anything
 * starts, then runs the site runtime until SIGTERM or Ctrl-C.
 */
final class SiteCommand {
    static final String HELP = """
            Usage: openrom site [--port N] [--host ADDR] [--data DIR] [--ready-timeout SECONDS]

            Runs the site runtime. It listens on ADDR:N (default 127.0.0.1:8080; bind to another address only
            behind TLS), keeps the SQLite buffer and the framework cache in DIR (default ./openrom-data), and
            reads deployment defaults from conf/openrom.json in the distribution. Stops cleanly on SIGTERM.
            """;

    private final PrintStream out;
    private final PrintStream err;

    SiteCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The options of {@code openrom site}, with their defaults. */
    record Options(int port, String host, Path data, long readyTimeoutSeconds) {
        /** @return the options, or null when the user asked for help */
        static @Nullable Options parse(List<String> args) throws UsageException {
            int port = 8080;
            String host = "127.0.0.1";
            Path data = Path.of("openrom-data");
            long readyTimeout = 120;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--port" -> port = parsePort(Main.optionValue(args, i++, "--port"));
                    case "--host" -> host = Main.optionValue(args, i++, "--host");
                    case "--data" -> data = Path.of(Main.optionValue(args, i++, "--data"));
                    case "--ready-timeout" -> readyTimeout = parsePositive(Main.optionValue(args, i++, "--ready-timeout"));
                    default -> throw new UsageException("site: unknown option '" + args.get(i) + "' (try 'openrom site --help')");
                }
            }
            return new Options(port, host, data.toAbsolutePath().normalize(), readyTimeout);
        }
    }

    int run(List<String> rawArgs) throws UsageException {
        long started = System.nanoTime();
        Options o = Options.parse(Main.expandEquals(rawArgs));
        if (o == null) {
            out.print(HELP);
            return Main.OK;
        }
        Path home = Distribution.home();
        checkDataFolder(o.data());
        checkPortFree(o.host(), o.port());
        // The database check (class loading, SQLite's native library, migrations) runs while the framework
        // is created and the bundles installed; nothing starts before it has passed.
        Path database = o.data().resolve("openrom.db");
        CompletableFuture<String> databaseProblem = CompletableFuture.supplyAsync(() -> databaseProblem(home, database));
        Map<String, String> props = frameworkProperties(home, o);
        Framework framework;
        try {
            framework = SiteRuntime.install(home.resolve("bundle"), props);
        } catch (BundleException | IOException | RuntimeException e) {
            err.println("openrom: the site runtime failed to start: " + e);
            return Main.FAILED;
        }
        String problem = databaseProblem.join();
        if (problem != null) {
            stop(framework);
            throw new UsageException(problem);
        }
        try {
            framework.start();
        } catch (BundleException | RuntimeException e) {
            err.println("openrom: the site runtime failed to start: " + e);
            stop(framework);
            return Main.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "openrom-shutdown"));
        String base = "http://" + (o.host().contains(":") ? "[" + o.host() + "]" : o.host()) + ":" + o.port() + "/openrom/";
        String unhealthy = awaitHealthy(URI.create(base + "api/health"), Duration.ofSeconds(o.readyTimeoutSeconds()));
        if (unhealthy != null) {
            err.println("openrom: the site runtime is not healthy after " + o.readyTimeoutSeconds() + " s: " + unhealthy);
            stop(framework);
            return Main.FAILED;
        }
        out.printf("OpenROM %s is running at %s (data in %s), healthy after %d ms. Stop with Ctrl-C.%n",
                Main.version(), base, o.data(), (System.nanoTime() - started) / 1_000_000);
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private static Map<String, String> frameworkProperties(Path home, Options o) {
        Map<String, String> props = new HashMap<>();
        props.put("org.osgi.framework.storage", o.data().resolve("cache").toString());
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        // Bundles see only what they import: no falling back to the launcher's class path (ADR 0002).
        props.put("felix.bootdelegation.implicit", "false");
        props.put("org.osgi.service.http.port", Integer.toString(o.port()));
        props.put("org.apache.felix.http.host", o.host());
        props.put("openrom.data", o.data().toString());
        props.put("openrom.version", Main.version());
        props.put("configurator.initial", home.resolve("conf/openrom.json").toUri().toString());
        // Config Admin holds configurations back until the interpolation plugin is there to resolve $[prop:...].
        props.put("felix.cm.config.plugins", "org.apache.felix.configadmin.plugin.interpolation");
        return props;
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            System.err.println("openrom: error while stopping: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 1 to 65535, not '" + value + "'");
    }

    private static long parsePositive(String value) throws UsageException {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--ready-timeout must be a positive number of seconds, not '" + value + "'");
    }

    static void checkDataFolder(Path data) throws UsageException {
        try {
            Files.createDirectories(data);
            Path probe = Files.createTempFile(data, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot write data folder " + data + ": permission denied", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new UsageException("cannot write data folder " + data + ": " + reason, e);
        } catch (IOException e) {
            throw new UsageException("cannot write data folder " + data + ": " + e.getMessage(), e);
        }
    }

    static void checkPortFree(String host, int port) throws UsageException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + " is not an address of this machine", e);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw new UsageException("port " + port + " on " + host + " is already in use (choose another with --port)", e);
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** @return null when the database is usable, else the one-line reason */
    static String databaseProblem(Path home, Path file) {
        try (Tools tools = new Tools(home)) {
            return (String) tools.call("org.openrom.launcher.tools.DatabaseCheck", "check",
                    new Class<?>[] {String.class}, file.toString());
        } catch (UsageException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new IllegalStateException("the database check failed to run", e);
        }
    }

    /** Polls the health endpoint; returns null once it answers 200, else the last problem seen. */
    private static String awaitHealthy(URI health, Duration timeout) {
        return awaitHealthy(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), health, timeout);
    }

    /**
     * Polls {@code health} with {@code client} (the collator's needs a client certificate); returns null once it
     * answers 200, else the last problem seen.
     */
    static String awaitHealthy(HttpClient client, URI health, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer from " + health;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return null;
                }
                last = "HTTP " + r.statusCode() + " " + firstProblem(r.body());
            } catch (IOException e) {
                last = "no answer from " + health + " (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return last;
    }

    private static String firstProblem(String body) {
        int i = body.indexOf("\"problems\"");
        if (i < 0) {
            return "";
        }
        int end = body.indexOf(']', i);
        return body.substring(i, end < 0 ? Math.min(body.length(), i + 200) : end + 1).replaceAll("\\s+", " ");
    }
}
