package org.openrom.central.intake.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private, throwaway PostgreSQL cluster for tests, from Debian's binaries ({@code /usr/lib/postgresql/<major>/bin}):
 * {@code initdb} into a folder of the test's (password authentication, scram-sha-256), {@code pg_ctl start} on a free
 * loopback port with {@code listen_addresses=127.0.0.1}, the Unix socket inside that folder and {@code fsync=on};
 * {@link #close} runs {@code pg_ctl stop -m fast}. PostgreSQL refuses to run as root: as root (here and in CI) the
 * folder is given to the {@code postgres} user and the binaries run through {@code runuser -u postgres --}.
 *
 * <p>Not installed: the test fails and says to run {@code .ci/prerequisites}. {@code -Dopenrom.postgres=skip} skips
 * the PostgreSQL test classes instead (each is marked {@code @DisabledIfSystemProperty}; surefire lists them as
 * skipped with {@link #SKIPPED}); a test that starts a server anyway is aborted with that reason.
 */
final class PostgresServer implements AutoCloseable {
    static final String PROPERTY = "openrom.postgres";
    /** Why the PostgreSQL test classes (each {@code @DisabledIfSystemProperty(PROPERTY = skip)}) did not run. */
    static final String SKIPPED = "PostgreSQL tests skipped: -Dopenrom.postgres=skip";
    static final String USER = "openrom";
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final boolean asRoot;
    private final String password;
    private final Thread stopAtExit;
    private int port;
    private int databases;

    private PostgresServer(Path bin, Path dir, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("cluster");
        this.asRoot = asRoot;
        byte[] pw = new byte[16];
        new SecureRandom().nextBytes(pw);
        this.password = HexFormat.of().formatHex(pw);
        this.stopAtExit = new Thread(this::stopQuietly, "stop test PostgreSQL");
    }

    /**
     * Starts a new cluster in {@code dir} (an empty folder of the test's own, e.g. a {@code @TempDir}; as root its owner
     * becomes {@code postgres}).
     */
    static PostgresServer start(Path dir) throws IOException, InterruptedException {
        if ("skip".equals(System.getProperty(PROPERTY, ""))) {
            Assumptions.abort(SKIPPED);
        }
        Path bin = binaries();
        boolean root = uid() == 0;
        if (root) {
            Files.setOwner(dir, postgresUser());
        }
        PostgresServer server = new PostgresServer(bin, dir, root);
        server.initdb();
        server.startOnFreePort();
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        return server;
    }

    /** The newest {@code /usr/lib/postgresql/<major>/bin} holding initdb and pg_ctl. */
    static Path binaries() throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> majors = Files.list(DEBIAN)) {
                majors.map(m -> m.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .forEach(found::add);
            }
        }
        return found.stream().max(Comparator.comparingInt(PostgresServer::major)).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed: no " + DEBIAN + "/<major>/bin/initdb. Run .ci/prerequisites as root (it installs "
                        + "Debian's postgresql package), or give -D" + PROPERTY + "=skip to skip the PostgreSQL tests."));
    }

    private static int major(Path bin) {
        String v = bin.getParent().getFileName().toString();
        return v.matches("\\d+") ? Integer.parseInt(v) : -1;
    }

    private static int uid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static UserPrincipal postgresUser() throws IOException {
        try {
            return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("the tests run as root and PostgreSQL refuses to run as root, but there is no "
                    + "'postgres' user to run it as (Debian's postgresql package creates it: run .ci/prerequisites)", e);
        }
    }

    private void initdb() throws IOException, InterruptedException {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (asRoot) {
            Files.setOwner(pwfile, postgresUser());
        }
        run("initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-instructions",
                "--no-sync"); // initdb's own final sync only: a throwaway cluster; the server runs with fsync=on
        Files.delete(pwfile);
        // Appended as root or as the owner: the file keeps its owner (postgres) either way.
        Files.writeString(data.resolve("postgresql.conf"), "\n# OpenROM test cluster\nlisten_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = '" + dir + "'\nfsync = on\nsynchronous_commit = on\nmax_connections = 60\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** A free port can be taken between finding and binding it: then try another. */
    private void startOnFreePort() throws IOException, InterruptedException {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            try {
                run("pg_ctl", "start", "-D", data.toString(), "-w", "-t", "60", "-l", dir.resolve("server.log").toString(),
                        "-o", "-p " + port);
                return;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    int port() {
        return port;
    }

    /** JDBC URL of {@code database}, with the credentials as {@code user} and {@code password} parameters. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER + "&password=" + password;
    }

    /** A new, empty database; returns its URL. */
    synchronized String createDatabase() throws SQLException {
        String name = "t" + (++databases);
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("openrom-pg-", ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                Path log = dir.resolve("server.log");
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(out) + (Files.isReadable(log) ? "\nserver.log:\n" + Files.readString(log) : ""));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void stop() throws IOException, InterruptedException {
        run("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "60");
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping the test PostgreSQL cluster in " + data + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the cluster ({@code pg_ctl stop -m fast}); the test's folder goes with its {@code @TempDir}. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            return; // the JVM is already shutting down and runs the hook
        }
        stop();
    }
}
