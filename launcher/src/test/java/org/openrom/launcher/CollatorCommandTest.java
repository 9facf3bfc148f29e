package org.openrom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollatorCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badServeOptionsAreOneLineAndExit2BeforeAnythingStarts() {
        assertThat(run("collator", "serve", "--port", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("openrom: --port must be a number from 1 to 65535, not '0'\n");
        err.reset();
        assertThat(run("collator", "serve", "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("openrom: collator serve: unknown option '--colour' (try 'openrom collator --help')\n");
    }

    @Test
    void theHelpNamesTheCollatorCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("collator <init|register-site|revoke-site|sites|export-certs|serve>");
    }
}
