package org.openrom.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this test class path run in its own JVM, which the test can SIGKILL ({@link
 * Process#destroyForcibly()} on Linux). The child's stdout goes to a file: a line the child wrote before
 * it died is in the file (no pipe to drain or lose when the process disappears).
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stdout;

    private ChildJvm(Process process, Path stdout) {
        this.process = process;
        this.stdout = stdout;
    }

    /** @param logs a folder for the child's stdout and stderr files, named after {@code name} */
    static ChildJvm start(Class<?> main, Path logs, String name, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(logs.resolve(name + ".err").toFile())
                .start();
        return new ChildJvm(p, out);
    }

    /** Waits for a line equal to {@code expected}; fails if the child ends or the time runs out first. */
    void awaitLine(String expected, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!completeLines().contains(expected)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("child never printed '" + expected + "' ("
                        + (process.isAlive() ? "timed out" : "exit " + process.exitValue()) + "); it printed "
                        + completeLines());
            }
            Thread.sleep(5);
        }
    }

    /** SIGKILL, then every complete line the child wrote before it died. */
    List<String> killAndCollect() throws IOException, InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not die after SIGKILL");
        }
        if (process.exitValue() != 137) {
            throw new AssertionError("child was not killed by SIGKILL: exit " + process.exitValue() + "; it printed "
                    + completeLines());
        }
        return completeLines();
    }

    /** Lines ended by a newline; a line cut short by the kill is not a line. */
    private List<String> completeLines() throws IOException {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
