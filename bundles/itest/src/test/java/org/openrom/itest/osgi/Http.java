package org.openrom.itest.osgi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;

/** Reaches the runtime's real HTTP port on loopback. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** The base URL Jetty listens on, e.g. {@code http://127.0.0.1:41234/}, from the runtime's endpoint. */
    static URI base(ServiceReference<HttpServiceRuntime> runtime) {
        Object endpoint = runtime.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        String first = endpoint instanceof String[] a ? a[0] : endpoint instanceof Iterable<?> i ? String.valueOf(i.iterator().next()) : String.valueOf(endpoint);
        return URI.create(first.endsWith("/") ? first : first + "/");
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs until the status is 200 or the time is up; returns the last response. */
    static HttpResponse<String> awaitOk(URI uri, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(uri);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return last != null ? last : get(uri);
    }
}
