package org.openrom.central.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a batch streams: a JVM with a 48 MiB heap decrypts a 160 MiB batch (a 1M-response quarter is about
 * 440 MB). Control: the same amount of ciphertext through the JDK's own GCM decryption, which holds it until the tag
 * verifies, runs out of memory in the same heap, so the heap is small enough to show a decryptor that buffers.
 */
class EnvelopeMemoryTest {
    private static final int MIB = 160;

    @TempDir
    Path dir;

    @Test
    void aBatchThreeTimesTheHeapDecryptsAndMatches() throws Exception {
        new TestPki(dir);
        String out = child("intake");
        assertThat(out).contains("plaintext " + ((long) MIB << 20) + " of " + ((long) MIB << 20)).contains("max heap");
        String sha = out.lines().filter(l -> l.startsWith("sha256 ")).findFirst().orElseThrow();
        String[] parts = sha.split(" ");
        assertThat(parts[1]).isEqualTo(parts[3]);
    }

    @Test
    void controlTheJdksBufferingGcmRunsOutOfMemoryInTheSameHeap() throws Exception {
        String out = childFailing("buffering");
        assertThat(out).contains("OutOfMemoryError");
    }

    private String child(String mode) throws Exception {
        Process p = start(mode);
        String out = Files.readString(dir.resolve(mode + ".out"));
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private String childFailing(String mode) throws Exception {
        Process p = start(mode);
        String out = Files.readString(dir.resolve(mode + ".out"));
        assertThat(p.exitValue()).as(out).isNotZero();
        return out;
    }

    private Process start(String mode) throws Exception {
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                EnvelopeMemoryChild.class.getName(), dir.toString(), Integer.toString(MIB), mode);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(mode + ".out").toFile())
                .start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("child finished").isTrue();
        return p;
    }
}
