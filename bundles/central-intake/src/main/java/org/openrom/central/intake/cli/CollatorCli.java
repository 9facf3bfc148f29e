package org.openrom.central.intake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrom.central.intake.internal.Certificates;
import org.openrom.central.intake.internal.CollatorFiles;
import org.openrom.central.intake.internal.CollatorKeys;
import org.openrom.central.intake.internal.CollatorStore;
import org.openrom.central.intake.internal.SiteCertificates;

/** The collator's key and site commands. Bad input: one line on stderr, exit 2. */
public final class CollatorCli {
    static final String HELP = """
            Usage: openrom collator <command> [options]          (every command takes --data DIR, default ./collator-data)

              init [--name NAME] [--dns HOST]...
                      Make the collaborative CA (EC P-256), the collator's RSA-3072 key and certificate (SAN: the --dns
                      names and IP addresses, default localhost and 127.0.0.1) and K_central, in DIR/collator.p12;
                      its password goes to DIR/collator.pass (mode 0600). Writes DIR/ca.crt and DIR/collator.crt.
              register-site --site ID --csr FILE [--days N] --out FILE
                      Issue the site's certificate from its CSR (EC P-256; CN=ID, O=OpenROM site; default 365 days),
                      write it to FILE (PEM) and record the site as active.
              revoke-site --site ID
                      Refuse the site's batches from now on (403).
              sites   List the sites: status, certificate expiry, batches stored, last sequence.
              export-certs --out FILE
                      Write the CA and collator certificates (PEM) for a site's 'openrom agent enrol'.
              serve [--port 8443] [--host 127.0.0.1]
                      Run the intake: HTTPS only (TLS 1.3, client certificates required), /collator/batches and
                      /collator/health.
            """;

    private CollatorCli() {}

    /** Entry point for the launcher; JDK types only. Returns the exit status. */
    public static int run(String command, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        try {
            Options o = Options.parse(command, args);
            if (o.help) {
                out.print(HELP);
                return 0;
            }
            CollatorFiles files = new CollatorFiles(o.data);
            switch (command) {
                case "init" -> init(files, o, out);
                case "register-site" -> registerSite(files, o, out);
                case "revoke-site" -> revokeSite(files, o, out);
                case "sites" -> sites(files, out);
                case "export-certs" -> exportCerts(files, o, out);
                default -> throw new IllegalArgumentException("unknown collator command '" + command + "' (try 'openrom collator --help')");
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("openrom: " + oneLine(e.getMessage()));
            return 2;
        } catch (SQLException e) {
            err.println("openrom: the collator's store failed: " + oneLine(e.getMessage()));
            return 1;
        }
    }

    private static void init(CollatorFiles files, Options o, PrintStream out) throws IOException, SQLException {
        o.noneOf("--site", "--csr", "--out", "--days");
        List<String> sans = o.dns.isEmpty() ? List.of("localhost", "127.0.0.1") : o.dns;
        for (String s : sans) {
            if (!s.matches("[A-Za-z0-9.\\-:*]+")) {
                throw new IllegalArgumentException("--dns '" + s + "' is not a DNS name or IP address");
            }
        }
        CollatorKeys keys = CollatorKeys.create(files, o.name, sans, Instant.now());
        try (CollatorStore store = CollatorStore.open(files.jdbcUrl())) {
            store.sites().list();
        }
        out.printf("Collator '%s' initialised in %s%n  CA:       %s%n  collator: %s (SAN %s)%n  keystore: %s (password in %s)%n",
                keys.collatorName(), files.dir(), keys.caCert().getSubjectX500Principal().getName(),
                keys.collatorCert().getSubjectX500Principal().getName(), String.join(", ", sans), files.keystore(),
                files.passwordFile());
    }

    private static void registerSite(CollatorFiles files, Options o, PrintStream out) throws IOException, SQLException {
        String site = o.require("--site", o.site);
        Path csr = Path.of(o.require("--csr", o.csr));
        Path target = Path.of(o.require("--out", o.out));
        CollatorKeys keys = CollatorKeys.load(files);
        String pem;
        try {
            pem = Files.readString(csr, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--csr " + csr + ": no such file");
        }
        X509Certificate cert = SiteCertificates.issue(keys, site, pem, o.days, Instant.now());
        try (CollatorStore store = CollatorStore.open(files.jdbcUrl())) {
            Files.writeString(target, Certificates.pem(cert));
            store.sites().register(site, cert, Instant.now());
        }
        out.printf("Site %s registered; certificate (serial %s, valid to %s) written to %s%n", site,
                cert.getSerialNumber().toString(16), cert.getNotAfter().toInstant(), target.toAbsolutePath());
    }

    private static void revokeSite(CollatorFiles files, Options o, PrintStream out) throws IOException, SQLException {
        String site = o.require("--site", o.site);
        try (CollatorStore store = openExisting(files)) {
            if (!store.sites().revoke(site, Instant.now())) {
                throw new IllegalArgumentException("site '" + site + "' is not registered (see 'openrom collator sites')");
            }
        }
        out.printf("Site %s revoked: its batches are refused from now on.%n", site);
    }

    private static void sites(CollatorFiles files, PrintStream out) throws IOException, SQLException {
        try (CollatorStore store = openExisting(files)) {
            List<CollatorStore.Site> sites = store.sites().list();
            List<long[]> counts = store.sites().batchCounts(sites);
            out.printf("%-12s %-8s %-22s %8s %9s  %s%n", "SITE", "STATUS", "CERTIFICATE EXPIRES", "BATCHES", "LAST SEQ", "REGISTERED");
            for (int i = 0; i < sites.size(); i++) {
                CollatorStore.Site s = sites.get(i);
                out.printf("%-12s %-8s %-22s %8d %9d  %s%s%n", s.id(), s.status(), s.notAfter(), counts.get(i)[0],
                        counts.get(i)[1], s.registered(), s.revoked() == null ? "" : " (revoked " + s.revoked() + ")");
            }
            for (CollatorStore.Event e : store.events()) {
                out.printf("! %s %s batch %s: %s%n", e.kind(), e.site(), e.batchId(), e.detail());
            }
        }
    }

    private static void exportCerts(CollatorFiles files, Options o, PrintStream out) throws IOException {
        Path target = Path.of(o.require("--out", o.out));
        CollatorKeys keys = CollatorKeys.load(files);
        Files.writeString(target, Certificates.pem(keys.caCert(), keys.collatorCert()));
        out.printf("CA and collator certificates written to %s%n  collator pin: sha256/%s%n", target.toAbsolutePath(),
                java.util.Base64.getEncoder().encodeToString(org.openrom.central.intake.internal.Hex.sha256()
                        .digest(keys.collatorCert().getPublicKey().getEncoded())));
    }

    private static CollatorStore openExisting(CollatorFiles files) throws IOException, SQLException {
        if (!Files.isRegularFile(files.keystore())) {
            throw new IllegalArgumentException("no collator in " + files.dir() + " (run 'openrom collator init --data DIR' first)");
        }
        return CollatorStore.open(files.jdbcUrl());
    }

    /**
     * Checks the data folder for {@code collator serve} and writes the TLS key and trust stores Jetty reads
     * ({@code tls/server.p12}: the collator key and chain only; {@code tls/trust.p12}: the CA). Returns the Felix
     * HTTPS framework properties. Throws IllegalArgumentException with a one-line reason.
     */
    public static Map<String, String> prepareServe(String dataDir) {
        CollatorFiles files = new CollatorFiles(Path.of(dataDir));
        try {
            if (!Files.isRegularFile(files.keystore())) {
                throw new IllegalArgumentException("no collator in " + files.dir() + " (run 'openrom collator init --data DIR' first)");
            }
            CollatorKeys keys = CollatorKeys.load(files);
            try (CollatorStore store = CollatorStore.open(files.jdbcUrl())) {
                store.sites().list();
            }
            char[] password = files.password();
            Path tls = files.dir().resolve("tls");
            Files.createDirectories(tls);
            Path server = tls.resolve("server.p12");
            Path trust = tls.resolve("trust.p12");
            write(keys.tlsKeyStore(password), server, password);
            write(keys.trustStore(), trust, password);
            Path monitor = tls.resolve("monitor.p12");
            write(monitorStore(keys, password), monitor, password);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("org.apache.felix.https.keystore", server.toString());
            p.put("org.apache.felix.https.keystore.type", "PKCS12");
            p.put("org.apache.felix.https.keystore.password", new String(password));
            p.put("org.apache.felix.https.keystore.key.password", new String(password));
            p.put("org.apache.felix.https.truststore", trust.toString());
            p.put("org.apache.felix.https.truststore.type", "PKCS12");
            p.put("org.apache.felix.https.truststore.password", new String(password));
            p.put("openrom.collator.monitor", monitor.toString());
            return p;
        } catch (IOException | SQLException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the collator in " + files.dir() + ": " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * A short-lived client certificate from the CA ({@code CN=OpenROM collator monitor}, 2 days) with which the
     * launcher checks {@code /collator/health} (every URL needs a client certificate). It names no site, so the
     * intake refuses batches sent with it.
     */
    private static KeyStore monitorStore(CollatorKeys keys, char[] password) throws GeneralSecurityException, IOException {
        java.security.KeyPair key = Certificates.ecP256();
        Instant now = Instant.now();
        X509Certificate cert = Certificates.issue(new org.bouncycastle.asn1.x500.X500NameBuilder(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE)
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, org.openrom.central.intake.internal.StatusServlet.MONITOR_CN).build(), key.getPublic(),
                keys.caCert(), keys.caKey(), now.minusSeconds(300), now.plus(java.time.Duration.ofDays(2)),
                Certificates.Role.CLIENT, List.of());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("monitor", key.getPrivate(), password, new java.security.cert.Certificate[] {cert, keys.caCert()});
        ks.setCertificateEntry("ca", keys.caCert());
        return ks;
    }

    private static void write(KeyStore ks, Path file, char[] password) throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        CollatorFiles.writePrivate(file, new byte[0]);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
    }

    static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s+", " ").strip();
    }

    /** The options every collator command shares. */
    static final class Options {
        boolean help;
        Path data = Path.of("collator-data");
        String name = "collator";
        final List<String> dns = new ArrayList<>();
        String site;
        String csr;
        String out;
        int days = 365;
        private final List<String> given = new ArrayList<>();

        static Options parse(String command, List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--help") || a.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (!List.of("--data", "--name", "--dns", "--site", "--csr", "--out", "--days").contains(a)) {
                    throw new IllegalArgumentException("collator " + command + ": unknown option '" + a
                            + "' (try 'openrom collator --help')");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args.get(++i);
                o.given.add(a);
                switch (a) {
                    case "--data" -> o.data = Path.of(v);
                    case "--name" -> o.name = checkName(v);
                    case "--dns" -> o.dns.addAll(List.of(v.split(",")));
                    case "--site" -> o.site = v;
                    case "--csr" -> o.csr = v;
                    case "--out" -> o.out = v;
                    case "--days" -> o.days = days(v);
                    default -> throw new IllegalStateException(a);
                }
            }
            return o;
        }

        private static String checkName(String v) {
            if (!v.matches("[A-Za-z0-9 ._\\-]{1,64}")) {
                throw new IllegalArgumentException("--name must be 1–64 letters, digits, spaces, '.', '_' or '-', not '" + v + "'");
            }
            return v;
        }

        private static int days(String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--days must be a whole number of days, not '" + v + "'");
            }
        }

        String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException("this command needs " + option);
            }
            return value;
        }

        void noneOf(String... options) {
            for (String op : options) {
                if (given.contains(op)) {
                    throw new IllegalArgumentException(op + " does not apply to this command");
                }
            }
        }
    }
}
