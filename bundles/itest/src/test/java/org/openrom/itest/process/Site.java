package org.openrom.itest.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The built {@code bin/openrom} running as a child process, with its output captured line by line. */
final class Site implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("openrom.dist", "../../dist/target/openrom/openrom"));

    final Process process;
    final List<String> out = Collections.synchronizedList(new ArrayList<>());
    final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(2);

    private Site(Path dist, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/openrom").toString());
        command.addAll(args);
        if (!Files.isExecutable(dist.resolve("bin/openrom"))) {
            throw new IllegalStateException("no distribution at " + dist.toAbsolutePath() + ": build dist first");
        }
        process = new ProcessBuilder(command).start();
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out, true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err, false);
    }

    static Site start(String... args) throws IOException {
        return new Site(DIST, List.of(args));
    }

    /** Runs another copy of the distribution, e.g. one whose conf/openrom.json a test changed. */
    static Site startFrom(Path dist, String... args) throws IOException {
        return new Site(dist, List.of(args));
    }

    private void pump(BufferedReader reader, List<String> lines, boolean watchForRunning) {
        Thread t = new Thread(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                    if (watchForRunning && line.contains(" is running at ")) {
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                if (process.isAlive()) {
                    lines.add("<<reading the output failed: " + e + ">>");
                }
            } finally {
                ended.countDown();
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the "is running" line; false when the process ended or the time ran out first. */
    boolean awaitRunning(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (running.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return running.getCount() == 0;
            }
        }
        return false;
    }

    /**
     * Sends SIGTERM, as a service manager does. Unlike {@link Process#destroy()}, this leaves the output
     * streams open, so what the site prints while it stops is still read.
     */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end and its output to be read; returns the exit status. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openrom did not exit within " + seconds + " s; stdout " + out + " stderr " + err);
        }
        ended.await(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    String describe() {
        return "stdout " + out + "\nstderr " + err;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            sigterm();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
