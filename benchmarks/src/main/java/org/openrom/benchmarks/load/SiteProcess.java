package org.openrom.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution run as a process from a private copy (so its conf/openrom.json can be changed): the demo
 * clinician gets a large synthetic caseload, so that each young person's history stays realistic (tens of
 * responses) however many submissions a run makes.
 */
final class SiteProcess implements AutoCloseable {
    private static final String DEMO_HOST_PID = "\"org.openrom.host.demo.internal.DemoHost\": {";

    final int port;
    private final Process process;
    private final CountDownLatch running = new CountDownLatch(1);

    private SiteProcess(Path home, Path data, int port) throws IOException {
        this.port = port;
        this.process = new ProcessBuilder(home.resolve("bin/openrom").toString(), "site", "--port",
                Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).start();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("  [site] " + line);
                    if (line.contains(" is running at ")) {
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "site-output");
        pump.setDaemon(true);
        pump.start();
    }

    static SiteProcess start(Path dist, Path work, int patients) throws IOException, InterruptedException {
        Path home = copy(dist, work.resolve("openrom"));
        Path conf = home.resolve("conf/openrom.json");
        String json = Files.readString(conf);
        if (!json.contains(DEMO_HOST_PID)) {
            throw new IllegalStateException(conf + " has no " + DEMO_HOST_PID);
        }
        json = json.replaceFirst("\"patientsPerClinician:Integer\": \\d+", "\"patientsPerClinician:Integer\": " + patients);
        Files.writeString(conf, json);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SiteProcess site = new SiteProcess(home, work.resolve("data"), port);
        if (!site.running.await(300, TimeUnit.SECONDS)) {
            site.close();
            throw new IllegalStateException("the site did not start within 300 s");
        }
        return site;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
