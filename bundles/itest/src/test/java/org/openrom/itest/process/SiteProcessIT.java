package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.api.store.StoredResponse;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/** {@code openrom site} as a user runs it: start, health, SIGTERM, restart, and the errors a user can cause. */
class SiteProcessIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void startsHealthyOnLoopbackAndStopsCleanlyOnSigterm() throws Exception {
        int port = Site.freePort();
        try (Site site = Site.start("site", "--port", Integer.toString(port), "--data", tmp.resolve("data").toString())) {
            assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openrom/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\" : \"UP\"");

            site.sigterm();
            int status = site.awaitExit(60);
            assertThat(status).as(site.describe()).isIn(0, 143);
            assertThat(String.join("\n", site.err)).doesNotContain("Exception").doesNotContain("\tat ");
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        assertThat(tmp.resolve("data/openrom.db")).isRegularFile();
    }

    @Test
    void keepsTheBufferAcrossARestart() throws Exception {
        Path data = tmp.resolve("data");
        runOnceAndStop(data);
        StoredResponse row = new StoredResponse("restart-1", "demo-1", null, "phq9",
                Instant.parse("2026-11-22T09:00:00Z"), "{\"resourceType\":\"QuestionnaireResponse\"}", "{}");
        try (CloseableResponseStore store = SqliteStores.open(data.resolve("openrom.db"))) {
            store.save(row);
        }
        runOnceAndStop(data);
        try (CloseableResponseStore store = SqliteStores.open(data.resolve("openrom.db"))) {
            assertThat(store.find("restart-1")).contains(row);
            assertThat(store.status().ok()).isTrue();
        }
    }

    private static void runOnceAndStop(Path data) throws Exception {
        try (Site site = Site.start("site", "--port", Integer.toString(Site.freePort()), "--data", data.toString())) {
            assertThat(site.awaitRunning(180)).as(site.describe()).isTrue();
            site.sigterm();
            assertThat(site.awaitExit(60)).as(site.describe()).isIn(0, 143);
        }
    }

    @Test
    void aTakenPortIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            try (Site site = Site.start("site", "--port", Integer.toString(port), "--data", tmp.resolve("d").toString())) {
                assertThat(site.awaitExit(60)).isEqualTo(2);
                assertThat(site.err).as(site.describe())
                        .containsExactly("openrom: port " + port + " on 127.0.0.1 is already in use (choose another with --port)");
            }
        }
    }

    @Test
    void anUnwritableDataFolderIsOneLineAndExit2() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        try (Site site = Site.start("site", "--port", Integer.toString(Site.freePort()), "--data", file.resolve("data").toString())) {
            assertThat(site.awaitExit(60)).isEqualTo(2);
            assertThat(site.err).as(site.describe()).hasSize(1);
            assertThat(site.err.get(0)).startsWith("openrom: cannot write data folder " + file.resolve("data"));
        }
    }

    @Test
    void aCorruptDatabaseIsOneLineAndExit2() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        byte[] junk = new byte[8192];
        new Random(7).nextBytes(junk);
        Files.write(data.resolve("openrom.db"), junk);
        try (Site site = Site.start("site", "--port", Integer.toString(Site.freePort()), "--data", data.toString())) {
            assertThat(site.awaitExit(60)).isEqualTo(2);
            assertThat(site.err).as(site.describe()).hasSize(1);
            assertThat(site.err.get(0)).startsWith("openrom: ST-1002: ").contains("openrom.db");
        }
    }

    @Test
    void badOptionsAreOneLineAndExit2AndHelpIsExit0() throws Exception {
        try (Site site = Site.start("site", "--port", "eighty")) {
            assertThat(site.awaitExit(60)).isEqualTo(2);
            assertThat(site.err).containsExactly("openrom: --port must be a number from 1 to 65535, not 'eighty'");
        }
        try (Site site = Site.start("frobnicate")) {
            assertThat(site.awaitExit(60)).isEqualTo(2);
            assertThat(site.err).containsExactly("openrom: unknown command 'frobnicate' (try 'openrom --help')");
        }
        try (Site site = Site.start("--help")) {
            assertThat(site.awaitExit(60)).isZero();
            assertThat(String.join("\n", site.out)).contains("openrom <command>").contains("site [--port N]");
        }
    }
}
