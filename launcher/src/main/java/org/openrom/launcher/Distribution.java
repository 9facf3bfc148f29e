package org.openrom.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the unpacked distribution lives: {@code bin/}, {@code lib/}, {@code bundle/}, {@code conf/}. */
final class Distribution {
    private Distribution() {}

    /**
     * The {@code openrom.home} system property set by {@code bin/openrom}, else the folder above the
     * launcher jar's {@code lib/}.
     */
    static Path home() throws UsageException {
        return home(true);
    }

    /** @param site true when the site runtime (bundles, configuration) must be there, not only the tools */
    static Path home(boolean site) throws UsageException {
        String property = System.getProperty("openrom.home");
        Path home;
        if (property != null) {
            home = Path.of(property);
        } else {
            try {
                Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                home = jar.getParent().getParent();
            } catch (URISyntaxException | RuntimeException e) {
                throw new UsageException("cannot tell where OpenROM is installed; set -Dopenrom.home", e);
            }
        }
        if (!Files.isDirectory(home.resolve("lib/tools"))
                || site && (!Files.isDirectory(home.resolve("bundle")) || !Files.isRegularFile(home.resolve("conf/openrom.json")))) {
            throw new UsageException(home + " is not an OpenROM distribution (no bundle/ or conf/openrom.json)");
        }
        return home;
    }
}
