package org.openrom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpIsExitZeroAndNoArgumentsIsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: openrom <command>");
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void unknownCommandIsOneLineAndExit2() {
        assertThat(run("serve")).isEqualTo(2);
        assertThat(err()).isEqualTo("openrom: unknown command 'serve' (try 'openrom --help')\n");
    }

    @Test
    void badSiteOptionsAreOneLineAndExit2() {
        assertThat(run("site", "--port", "0")).isEqualTo(2);
        assertThat(err()).isEqualTo("openrom: --port must be a number from 1 to 65535, not '0'\n");
        err.reset();
        assertThat(run("site", "--port=99999")).isEqualTo(2);
        assertThat(err()).contains("not '99999'");
        err.reset();
        assertThat(run("site", "--colour", "red")).isEqualTo(2);
        assertThat(err()).isEqualTo("openrom: site: unknown option '--colour' (try 'openrom site --help')\n");
        err.reset();
        assertThat(run("site", "--data")).isEqualTo(2);
        assertThat(err()).isEqualTo("openrom: --data needs a value\n");
    }

    @Test
    void agentWithoutItsLibrariesIsOneLineAndExit2(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("lib/tools"));
        String previous = System.getProperty("openrom.home");
        System.setProperty("openrom.home", home.toString());
        try {
            assertThat(run("agent", "status")).isEqualTo(2);
            assertThat(err()).startsWith("openrom: cannot read " + home.resolve("lib/agent")).hasLineCount(1);
        } finally {
            if (previous == null) {
                System.clearProperty("openrom.home");
            } else {
                System.setProperty("openrom.home", previous);
            }
        }
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(run("version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("OpenROM \\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void aTakenPortIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> SiteCommand.checkPortFree("127.0.0.1", port))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use (choose another with --port)");
        }
    }

    @Test
    void anUnknownHostIsRefused() {
        assertThatThrownBy(() -> SiteCommand.checkPortFree("no-such-host.invalid", 8080))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no-such-host.invalid is not an address of this machine");
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsRefused(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> SiteCommand.checkDataFolder(file.resolve("data")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("cannot write data folder " + file.resolve("data"));
        SiteCommand.checkDataFolder(tmp.resolve("new/data"));
        assertThat(tmp.resolve("new/data")).isDirectory().isEmptyDirectory();
    }

    @Test
    void loggingStartsFirstThenConfigurationThenDsThenTheRest() {
        assertThat(SiteRuntime.startLevel("slf4j.simple")).isEqualTo(1);
        assertThat(SiteRuntime.startLevel("org.apache.aries.spifly.dynamic.bundle")).isEqualTo(1);
        assertThat(SiteRuntime.startLevel("org.eclipse.parsson")).isEqualTo(2);
        assertThat(SiteRuntime.startLevel("org.apache.felix.configadmin.plugin.interpolation")).isEqualTo(2);
        assertThat(SiteRuntime.startLevel("org.apache.felix.configurator")).isEqualTo(3);
        assertThat(SiteRuntime.startLevel("org.apache.felix.scr")).isEqualTo(3);
        assertThat(SiteRuntime.startLevel("org.openrom.web")).isEqualTo(4);
        assertThat(SiteRuntime.startLevel("org.apache.felix.http.jetty12")).isEqualTo(4);
    }
}
