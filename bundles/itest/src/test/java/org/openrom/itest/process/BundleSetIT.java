package org.openrom.itest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The in-framework suite proves something about what ships only if it runs exactly the bundles dist ships. */
class BundleSetIT {
    /** Bundles the in-framework suite adds to run the tests; none of them ships. */
    private static final Pattern TEST_ONLY = Pattern.compile(
            "junit-.*|org\\.junit\\..*|org\\.opentest4j|org\\.apiguardian.*|org\\.osgi\\.test\\..*|org\\.openrom\\.itest\\.tests"
                    + "|assertj-core|net\\.bytebuddy.*");

    @Test
    void theInFrameworkSuiteRunsExactlyTheBundlesDistShips() throws IOException {
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> jars = Files.list(Site.DIST.resolve("bundle"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    String bsn = jf.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
                    assertThat(bsn).as(jar + " is not a bundle").isNotNull();
                    shipped.add(bsn.split(";")[0].strip());
                }
            }
        }
        String bndrun = Files.readString(Path.of("itest.bndrun")).replace("\\\n", "");
        Matcher m = Pattern.compile("(?m)^-runbundles:(.*)$").matcher(bndrun);
        assertThat(m.find()).as("itest.bndrun has a resolved -runbundles").isTrue();
        Set<String> tested = new TreeSet<>();
        Matcher entry = Pattern.compile("([\\w.\\-]+);version='[^']*'").matcher(m.group(1));
        while (entry.find()) {
            if (!TEST_ONLY.matcher(entry.group(1)).matches()) {
                tested.add(entry.group(1));
            }
        }
        assertThat(tested).isEqualTo(shipped);
    }
}
