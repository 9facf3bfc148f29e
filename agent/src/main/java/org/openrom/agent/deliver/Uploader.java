package org.openrom.agent.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * One {@code PUT /collator/batches/{site}/{batchId}} of a sealed file (ADR 0004), streamed from disk, with its
 * {@code Content-Digest}. Classifies the outcome; never retries by itself. Notes the collator's {@code Date} so
 * the status can warn of clock skew.
 */
public final class Uploader {
    static final MediaType CMS = MediaType.get("application/pkcs7-mime; smime-type=authEnveloped-data");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_RECEIPT = 1 << 20;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String site;
    private final ReceiptVerifier receipts;
    private final Clock clock;
    private final AtomicReference<@Nullable Duration> skew = new AtomicReference<>();

    public Uploader(OkHttpClient http, URI collator, String site, ReceiptVerifier receipts, Clock clock) {
        HttpUrl url = HttpUrl.get(collator.toString());
        this.http = http;
        this.base = url;
        this.site = site;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The collator's clock minus ours at the last answer, or null before any answer. */
    public @Nullable Duration lastSkew() {
        return skew.get();
    }

    /** PUTs the file once. {@code sha256} is the file's hex SHA-256, checked by the caller before. */
    public Attempt put(String batchId, Path file, long bytes, String sha256) {
        HttpUrl url = base.newBuilder().addPathSegments("collator/batches").addPathSegment(site).addPathSegment(batchId).build();
        Request request = new Request.Builder().url(url)
                .header("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .put(fileBody(file, bytes))
                .build();
        try (Response response = http.newCall(request).execute()) {
            noteDate(response);
            int code = response.code();
            if (code == 200 || code == 201) {
                return acknowledge(response, batchId, sha256);
            }
            if (code == 408 || code == 429 || code >= 500) {
                return new Attempt.Retry("HTTP " + code + reason(response), retryAfter(response));
            }
            return new Attempt.Stop(DeliveryError.REFUSED, "HTTP " + code + reason(response));
        } catch (SSLPeerUnverifiedException e) {
            return new Attempt.Stop(DeliveryError.TLS_IDENTITY, "collator certificate refused: " + firstLine(e));
        } catch (SSLHandshakeException e) {
            return untrusted(e) ? new Attempt.Stop(DeliveryError.TLS_IDENTITY, "collator certificate refused: " + firstLine(e))
                    : new Attempt.Retry("TLS handshake failed: " + firstLine(e), null);
        } catch (IOException e) {
            return new Attempt.Retry(e.getClass().getSimpleName() + ": " + firstLine(e), null);
        }
    }

    private Attempt acknowledge(Response response, String batchId, String sha256) throws IOException {
        if (response.body().contentLength() > MAX_RECEIPT) {
            return new Attempt.Retry("receipt larger than " + MAX_RECEIPT + " bytes", null);
        }
        byte[] der = response.body().bytes();
        try {
            String json = receipts.verify(der, site, batchId, sha256);
            return new Attempt.Acknowledged(der, json, response.code());
        } catch (ReceiptVerifier.ReceiptException e) {
            return new Attempt.Stop(DeliveryError.BAD_RECEIPT, "HTTP " + response.code() + " with a receipt that does not "
                    + "prove delivery: " + e.getMessage());
        }
    }

    private static RequestBody fileBody(Path file, long bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return CMS;
            }

            @Override
            public long contentLength() {
                return bytes;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source source = Okio.source(file)) {
                    sink.writeAll(source);
                }
            }
        };
    }

    private void noteDate(Response response) {
        Date date = response.headers().getDate("Date");
        if (date != null) {
            skew.set(Duration.between(clock.instant(), date.toInstant()));
        }
    }

    private static @Nullable Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value != null && value.matches("\\d{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        return null;
    }

    private static String reason(Response response) {
        try {
            String body = response.peekBody(4096).string();
            JsonNode n = JSON.readTree(body);
            if (n != null && n.has("code")) {
                return " " + n.path("code").asText() + " " + n.path("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not a JSON error body: the status says enough
        }
        return "";
    }

    private static boolean untrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
