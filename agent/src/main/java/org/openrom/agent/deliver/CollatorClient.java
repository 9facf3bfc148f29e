package org.openrom.agent.deliver;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;
import org.openrom.agent.keys.SiteIdentity;

/**
 * The HTTP client for the collator: TLS 1.3 only, the site key and certificate as client identity, trust in the
 * collaborative CA only, the collator's key pinned, no redirects and no automatic retries (the agent retries
 * itself, resending the same sealed file).
 */
public final class CollatorClient {
    private CollatorClient() {}

    /** Timeouts of one exchange. {@code call} bounds a whole PUT, body included. */
    public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
        public static Timeouts of(Duration connect, Duration read) {
            return new Timeouts(connect, read, read, Duration.ofMinutes(30));
        }
    }

    public static OkHttpClient build(SiteIdentity id, URI collator, Timeouts timeouts) throws GeneralSecurityException {
        char[] transient_ = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try {
            keys.load(null, transient_);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        keys.setKeyEntry("site", id.key(), transient_, id.chain());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, transient_);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, transient_);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        trust.setCertificateEntry("ca", id.collator().ca());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];

        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(kmf.getKeyManagers(), new X509TrustManager[] {tm}, new SecureRandom());

        CertificatePinner.Builder pins = new CertificatePinner.Builder();
        for (String pin : id.pins()) {
            pins.add(collator.getHost(), pin);
        }
        return new OkHttpClient.Builder()
                .sslSocketFactory(tls.getSocketFactory(), tm)
                .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.RESTRICTED_TLS)
                        .tlsVersions(TlsVersion.TLS_1_3).build()))
                .certificatePinner(pins.build())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                .build();
    }
}
