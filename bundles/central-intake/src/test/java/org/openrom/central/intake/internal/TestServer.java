package org.openrom.central.intake.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The intake's servlets in Jetty 12 (the Jetty Felix HTTP embeds) over real HTTPS on loopback: TLS 1.3 only, client
 * certificate required, trust store = the collaborative CA, as {@code collator serve} configures Felix. With
 * {@code permissiveTls} the TLS layer accepts any client certificate, so that the application's own checks are
 * what refuses.
 */
final class TestServer implements AutoCloseable {
    /** Long enough for any test batch; the throughput harness's large batches take longer (-Dintake.request.timeout.seconds). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Long.getLong("intake.request.timeout.seconds", 60));

    private static final char[] PW = "test-password".toCharArray();

    final Server server;
    final int port;

    TestServer(BatchIntake intake, CollatorKeys keys, boolean permissiveTls) throws Exception {
        server = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys.tlsKeyStore(PW));
        ssl.setKeyStorePassword(new String(PW));
        ssl.setIncludeProtocols("TLSv1.3");
        ssl.setNeedClientAuth(true);
        if (permissiveTls) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keys.tlsKeyStore(PW), PW);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new AcceptAnyClient()}, new SecureRandom());
            ssl.setSslContext(ctx);
        } else {
            ssl.setTrustStore(keys.trustStore());
        }
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/collator");
        context.addServlet(new ServletHolder(new BatchServlet(intake)), "/batches/*");
        context.addServlet(new ServletHolder(new StatusServlet(intake)), "/health");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    /** An HTTPS client presenting {@code cert} (or no certificate), trusting the collaborative CA. */
    static HttpClient client(CollatorKeys keys, TestPki.TestSite site) throws Exception {
        SSLParameters params = new SSLParameters();
        params.setProtocols(new String[] {"TLSv1.3"});
        return HttpClient.newBuilder().sslContext(sslContext(keys, site)).sslParameters(params).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static SSLContext sslContext(CollatorKeys keys, TestPki.TestSite site) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (site != null) {
            ks.setKeyEntry("site", site.key().getPrivate(), PW, new Certificate[] {site.cert()});
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, PW);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(keys.trustStore());
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    HttpResponse<byte[]> put(HttpClient client, String site, String batchId, byte[] body) throws Exception {
        return client.send(request(site, batchId, body, "application/pkcs7-mime; smime-type=authEnveloped-data",
                Base64.getEncoder().encodeToString(Hex.sha256().digest(body))), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest request(String site, String batchId, byte[] body, String contentType, String digestBase64) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/collator/batches/" + site + "/" + batchId))
                .timeout(REQUEST_TIMEOUT).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (digestBase64 != null) {
            b.header("Content-Digest", "sha-256=:" + digestBase64 + ":");
        }
        return b.build();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Test only: the TLS layer lets any client certificate through to the application. */
    private static final class AcceptAnyClient implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
