package org.openrom.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this test classpath run in its own JVM, whose stdout lines the test reads as they come
 * and which the test can SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
final class ChildJvm implements AutoCloseable {

    private static final String EOF = "\u0000eof";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> main, Path stderr, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .start();
        return new ChildJvm(p);
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("child-stdout-error " + e);
        } finally {
            lines.add(EOF);
        }
    }

    /** Waits for a line equal to {@code expected}; fails if the child ends or the time runs out first. */
    void awaitLine(String expected, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || EOF.equals(line)) {
                throw new AssertionError("child never printed '" + expected + "' (exit "
                        + (process.isAlive() ? "still running" : process.exitValue()) + "); saw " + seen);
            }
            seen.add(line);
            if (line.equals(expected)) {
                return;
            }
        }
    }

    /** SIGKILL, then every line the child wrote before it died (including those already awaited). */
    List<String> killAndCollect() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not die after SIGKILL");
        }
        if (process.exitValue() != 137) {
            throw new AssertionError("child was not killed by SIGKILL: exit " + process.exitValue() + "; saw " + seen);
        }
        String line;
        while (!EOF.equals(line = lines.poll(30, TimeUnit.SECONDS))) {
            if (line == null) {
                throw new AssertionError("child's stdout did not close");
            }
            seen.add(line);
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
