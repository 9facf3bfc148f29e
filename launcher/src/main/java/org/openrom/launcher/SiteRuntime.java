package org.openrom.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Starts the site's bundles on an embedded OSGi framework. Start levels put logging first, then
 * configuration, then Declarative Services, then everything else, so that every bundle finds its logger
 * and its configuration when it starts.
 */
public final class SiteRuntime {
    private static final int LAST_LEVEL = 4;

    private SiteRuntime() {}

    /**
     * Installs every jar of {@code bundleDir}, starts the framework and returns it running.
     *
     * @param properties framework properties (storage, HTTP port, configurator input, ...)
     * @throws BundleException when the framework or a bundle cannot be installed or started
     */
    public static Framework start(Path bundleDir, Map<String, String> properties) throws BundleException, IOException {
        Framework framework = install(bundleDir, properties);
        framework.start();
        return framework;
    }

    /**
     * Creates the framework and installs every jar of {@code bundleDir}, each marked to start at its level,
     * without starting anything: {@code framework.start()} does that.
     */
    public static Framework install(Path bundleDir, Map<String, String> properties) throws BundleException, IOException {
        try (Stream<Path> jars = Files.list(bundleDir)) {
            List<Path> list = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no bundles in " + bundleDir);
            }
            return install(list, properties);
        }
    }

    /** Like {@link #install(Path, Map)} for a given list of bundle jars (the collator's runtime picks its set). */
    public static Framework install(List<Path> bundles, Map<String, String> properties) throws BundleException, IOException {
        Map<String, String> props = new HashMap<>(properties);
        props.putIfAbsent(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(LAST_LEVEL));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, SiteRuntime.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the launcher's class path"));
        // Threads that bundles start inherit this thread's context class loader. Ours is the launcher's flat
        // class path, which has its own slf4j and sqlite-jdbc: a ServiceLoader inside the framework would find
        // those instead of the bundles' (slf4j then reports "not a subtype"). The framework gets none.
        Thread.currentThread().setContextClassLoader(null);
        Framework framework = factory.newFramework(props);
        framework.init();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : bundles) {
            installed.add(framework.getBundleContext().installBundle("reference:" + jar.toUri()));
        }
        if (installed.isEmpty()) {
            throw new IllegalStateException("no bundles to install");
        }
        for (Bundle b : installed) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
                continue;
            }
            b.adapt(BundleStartLevel.class).setStartLevel(startLevel(String.valueOf(b.getSymbolicName())));
            b.start();
        }
        return framework;
    }

    /** Logging first, then configuration, then DS and the configurator, then the rest. */
    static int startLevel(String symbolicName) {
        if (symbolicName.startsWith("org.apache.aries.spifly")
                || symbolicName.startsWith("org.objectweb.asm")
                || symbolicName.startsWith("slf4j.")) {
            return 1;
        }
        if (symbolicName.equals("org.apache.felix.log")
                || symbolicName.startsWith("org.apache.felix.configadmin")
                || symbolicName.startsWith("org.osgi.util.")
                || symbolicName.equals("org.osgi.service.component")
                || symbolicName.startsWith("jakarta.json")
                || symbolicName.startsWith("org.eclipse.parsson")
                || symbolicName.equals("org.apache.felix.cm.json")) {
            return 2;
        }
        if (symbolicName.equals("org.apache.felix.scr")
                || symbolicName.equals("org.apache.felix.metatype")
                || symbolicName.equals("org.apache.felix.configurator")) {
            return 3;
        }
        return LAST_LEVEL;
    }
}
