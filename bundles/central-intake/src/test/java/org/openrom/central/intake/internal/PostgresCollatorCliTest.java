package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.central.intake.cli.CollatorCli;

/**
 * {@code openrom collator …} with a {@code jdbc-url} file naming PostgreSQL, end to end in-process: {@code init} creates
 * the schema there (and no SQLite file), {@code register-site} from a CSR records the site there, the intake configured
 * as {@code collator serve} configures it (data folder only, no URL) stores a batch sent over HTTPS there, {@code sites}
 * lists it, and after {@code revoke-site} the next batch is refused.
 */
@DisabledIfSystemProperty(named = PostgresServer.PROPERTY, matches = "skip", disabledReason = PostgresServer.SKIPPED)
class PostgresCollatorCliTest {
    private record Run(int status, String out, String err) {}

    private static Run cli(String command, Path data, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CollatorCli.run(command, all, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> query(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void theCollatorCommandsAndTheIntakeUseThePostgresqlNamedInTheDataFoldersJdbcUrlFile(@TempDir Path cluster, @TempDir Path work)
            throws Exception {
        try (PostgresServer server = PostgresServer.start(cluster)) {
            String url = server.createDatabase();
            Path data = work.resolve("collator-data");
            CollatorFiles.writePrivate(new CollatorFiles(data).jdbcUrlFile(), (url + "\n").getBytes(StandardCharsets.UTF_8));

            Run init = cli("init", data, "--name", "Test Collator");
            assertThat(init.status()).as(init.err()).isZero();
            assertThat(query(url, "SELECT name FROM schema_version ORDER BY version")).containsExactlyElementsOf(Database.SCRIPTS);
            assertThat(data.resolve("collator.db")).as("no SQLite file when a jdbc-url is given").doesNotExist();

            KeyPair key = Certificates.ecP256();
            Path csr = work.resolve("site.csr");
            Files.writeString(csr, Certificates.pem(new JcaPKCS10CertificationRequestBuilder(TestPki.name("RXA01"), key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Certificates.BC).build(key.getPrivate()))));
            Run register = cli("register-site", data, "--site", "RXA01", "--csr", csr.toString(), "--out", work.resolve("site.crt").toString());
            assertThat(register.status()).as(register.err()).isZero();
            assertThat(query(url, "SELECT site_id || ' ' || status FROM site")).containsExactly("RXA01 ACTIVE");

            TestPki pki = TestPki.load(data);
            TestPki.TestSite site = new TestPki.TestSite("RXA01", key,
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                            new ByteArrayInputStream(Files.readAllBytes(work.resolve("site.crt")))));
            BatchIntake intake = new BatchIntake(config(data));
            try (TestServer https = new TestServer(intake, pki.keys, false)) {
                HttpClient client = TestServer.client(pki.keys, site);
                TestBatch batch = new TestBatch(pki, site).patients(2, 1);
                HttpResponse<byte[]> stored = https.put(client, site.id(), batch.batchId, batch.build());
                assertThat(stored.statusCode()).as(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo(201);
                assertThat(query(url, "SELECT count(*) FROM record WHERE batch_id = '" + batch.batchId + "'")).containsExactly("10");

                Run sites = cli("sites", data);
                assertThat(sites.status()).as(sites.err()).isZero();
                assertThat(sites.out()).containsPattern("RXA01 +ACTIVE .* +1 +1 ");

                Run revoke = cli("revoke-site", data, "--site", "RXA01");
                assertThat(revoke.status()).as(revoke.err()).isZero();
                assertThat(query(url, "SELECT status FROM site")).containsExactly("REVOKED");
                TestBatch next = new TestBatch(pki, site).patients(1, 2);
                next.sequence = 2;
                HttpResponse<byte[]> refused = https.put(client, site.id(), next.batchId, next.build());
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("CI-1105");
            } finally {
                intake.close();
            }
            Run unknown = cli("revoke-site", data, "--site", "RXZ99");
            assertThat(unknown.status()).isEqualTo(2);
            assertThat(unknown.err()).startsWith("openrom: site 'RXZ99' is not registered");
        }
    }

    /** The configuration {@code collator serve} gives the component: the data folder, no JDBC URL. */
    private static BatchIntake.Config config(Path data) {
        return new BatchIntake.Config() {
            @Override
            public String dataDir() {
                return data.toString();
            }

            @Override
            public String jdbcUrl() {
                return "";
            }

            @Override
            public long maxBodyBytes() {
                return 1 << 20;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BatchIntake.Config.class;
            }
        };
    }
}
