package org.openrom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * {@code openrom collator …}: the key and site commands run {@code CollatorCli} in a class loader over
 * {@code lib/collator/}; {@code collator serve} runs the shared runtime bundles of {@code bundle/} (not the site's
 * own {@code org.openrom.*} bundles) plus {@code bundle-central/} on Felix, HTTPS only.
 */
final class CollatorCommand {
    static final String CLI = "org.openrom.central.intake.cli.CollatorCli";

    private final PrintStream out;
    private final PrintStream err;

    CollatorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            tool("help", List.of("--help"));
            return Main.USAGE;
        }
        List<String> rest = Main.expandEquals(args.subList(1, args.size()));
        return switch (args.get(0)) {
            case "serve" -> serve(rest);
            case "help", "--help", "-h" -> tool("help", List.of("--help"));
            default -> tool(args.get(0), rest);
        };
    }

    private int tool(String command, List<String> args) throws UsageException {
        try (Tools tools = new Tools(Distribution.home(false), "lib/collator")) {
            return (Integer) tools.call(CLI, "run",
                    new Class<?>[] {String.class, List.class, InputStream.class, PrintStream.class, PrintStream.class},
                    command, List.copyOf(args), System.in, out, err);
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("collator " + command + " failed", e);
        }
    }

    private int serve(List<String> args) throws UsageException {
        int port = 8443;
        String host = "127.0.0.1";
        Path data = Path.of("collator-data");
        long readyTimeout = 120;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--port" -> port = SiteCommand.Options.parse(List.of("--port", Main.optionValue(args, i++, "--port"))).port();
                case "--host" -> host = Main.optionValue(args, i++, "--host");
                case "--data" -> data = Path.of(Main.optionValue(args, i++, "--data"));
                case "--ready-timeout" -> readyTimeout = SiteCommand.Options.parse(
                        List.of("--ready-timeout", Main.optionValue(args, i++, "--ready-timeout"))).readyTimeoutSeconds();
                default -> throw new UsageException("collator serve: unknown option '" + args.get(i) + "' (try 'openrom collator --help')");
            }
        }
        data = data.toAbsolutePath().normalize();
        Path home = Distribution.home();
        if (!Files.isDirectory(home.resolve("bundle-central")) || !Files.isRegularFile(home.resolve("conf/collator.json"))) {
            throw new UsageException(home + " has no collator runtime (bundle-central/, conf/collator.json)");
        }
        SiteCommand.checkDataFolder(data);
        SiteCommand.checkPortFree(host, port);
        Map<String, String> props = new HashMap<>(prepare(home, data));
        String monitor = props.remove("openrom.collator.monitor");
        props.put("org.osgi.framework.storage", data.resolve("cache").toString());
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        props.put("felix.bootdelegation.implicit", "false");
        props.put("org.apache.felix.http.enable", "false");
        props.put("org.apache.felix.https.enable", "true");
        props.put("org.osgi.service.http.port.secure", Integer.toString(port));
        props.put("org.apache.felix.http.host", host);
        props.put("org.apache.felix.https.clientcertificate", "needs");
        props.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.3");
        props.put("openrom.collator.data", data.toString());
        props.put("openrom.version", Main.version());
        props.put("configurator.initial", home.resolve("conf/collator.json").toUri().toString());
        props.put("felix.cm.config.plugins", "org.apache.felix.configadmin.plugin.interpolation");
        Framework framework;
        try {
            framework = SiteRuntime.install(bundles(home), props);
            framework.start();
        } catch (BundleException | IOException | RuntimeException e) {
            err.println("openrom: the collator failed to start: " + e);
            return Main.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "openrom-collator-shutdown"));
        String base = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/collator/";
        String unhealthy = awaitHealthy(URI.create(base + "health"), Path.of(monitor), props, Duration.ofSeconds(readyTimeout));
        if (unhealthy != null) {
            err.println("openrom: the collator is not healthy after " + readyTimeout + " s: " + unhealthy);
            stop(framework);
            return Main.FAILED;
        }
        out.printf("OpenROM %s collator is running at %s (data in %s; TLS 1.3, client certificates required). Stop with Ctrl-C.%n",
                Main.version(), base, data);
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> prepare(Path home, Path data) throws UsageException {
        try (Tools tools = new Tools(home, "lib/collator")) {
            return (Map<String, String>) tools.call(CLI, "prepareServe", new Class<?>[] {String.class}, data.toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("preparing the collator failed", e);
        }
    }

    /** The shared runtime bundles of bundle/ (not the site's org.openrom.* bundles), then bundle-central/. */
    static List<Path> bundles(Path home) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> shared = Files.list(home.resolve("bundle"))) {
            shared.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("org.openrom."))
                    .sorted().forEach(jars::add);
        }
        try (Stream<Path> central = Files.list(home.resolve("bundle-central"))) {
            central.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        return jars;
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

    /** Polls the health endpoint with the monitor certificate; null once it answers 200, else the last problem. */
    private static String awaitHealthy(URI health, Path monitor, Map<String, String> props, Duration timeout) {
        HttpClient client;
        try {
            char[] pw = props.get("org.apache.felix.https.keystore.password").toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(monitor)) {
                ks.load(in, pw);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLSv1.3");
            ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(2)).build();
        } catch (IOException | java.security.GeneralSecurityException e) {
            return "cannot read the monitor certificate " + monitor + ": " + e.getMessage();
        }
        return SiteCommand.awaitHealthy(client, health, timeout);
    }
}
