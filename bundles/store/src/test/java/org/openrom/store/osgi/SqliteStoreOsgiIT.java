package org.openrom.store.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged store bundle in a real Felix with SCR and Config Admin: sqlite-jdbc's native library loads
 * inside OSGi, the component waits for its configuration, refuses a bad one, and round-trips a response.
 *
 * <p>The bundles' classes are not on this test's class path as far as the framework is concerned, so API
 * types are reached by reflection through the bundles' own class loaders.
 */
class SqliteStoreOsgiIT {

    private static final String PID = "org.openrom.store.internal.SqliteResponseStore";
    private static final String STORE = "org.openrom.api.store.ResponseStore";
    private static final List<String> START_FIRST = List.of("org.objectweb.asm", "org.apache.aries.spifly", "slf4j.");

    @TempDir
    Path dir;

    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : bundleJars()) {
            bundles.add(context.installBundle(jar.toUri().toString()));
        }
        bundles.sort(Comparator.comparingInt(SqliteStoreOsgiIT::startRank));
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    private static List<Path> bundleJars() throws IOException {
        Path store = Path.of(System.getProperty("store.bundle"));
        assertThat(store).as("the packaged store bundle").isRegularFile();
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("osgi.bundles.dir")))) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        jars.add(store);
        return jars;
    }

    private static int startRank(Bundle b) {
        String bsn = b.getSymbolicName();
        for (int i = 0; i < START_FIRST.size(); i++) {
            if (bsn.startsWith(START_FIRST.get(i))) {
                return i;
            }
        }
        return "org.openrom.store".equals(bsn) ? START_FIRST.size() + 1 : START_FIRST.size();
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    void roundTripsAResponseThroughTheConfiguredComponent() throws Exception {
        assertThat(List.of(context.getBundles()))
                .filteredOn(b -> b.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
        Bundle store = bundle("org.openrom.store");
        assertThat(providerOf(store, "org.sqlite")).isEqualTo("org.xerial.sqlite-jdbc");
        assertThat(providerOf(store, "org.openrom.api.store")).isEqualTo("org.openrom.api");

        ServiceTracker<Object, Object> stores = tracker("(objectClass=" + STORE + ")");
        assertThat(stores.waitForService(1_000)).as("no service without a configuration").isNull();

        configure(Map.of("databasePath", "relative/openrom.db"));
        assertThat(stores.waitForService(2_000)).as("no service with a relative path").isNull();

        Path db = dir.resolve("data").resolve("openrom.db");
        configure(Map.of("databasePath", db.toString()));
        Object service = stores.waitForService(30_000);
        assertThat(service).as("the ResponseStore service").isNotNull();

        Bundle api = bundle("org.openrom.api");
        Class<?> storeType = api.loadClass(STORE);
        Class<?> responseType = api.loadClass("org.openrom.api.store.StoredResponse");
        Object response = responseType.getConstructors()[0].newInstance("qr-osgi-1", "patient-1", null, "phq9",
                Instant.parse("2026-11-22T09:30:00Z"), "{\"resourceType\":\"QuestionnaireResponse\"}", "{}");

        assertThat(call(storeType, service, "save", response)).hasToString("STORED");
        assertThat(call(storeType, service, "save", response)).hasToString("ALREADY_STORED");
        @SuppressWarnings("unchecked")
        Optional<Object> found = (Optional<Object>) call(storeType, service, "find", "qr-osgi-1");
        assertThat(found).contains(response);

        Object status = call(storeType, service, "status");
        assertThat(status.toString()).isEqualTo("StoreStatus[ok=true, schemaVersion=4, quickCheck=ok, journalMode=wal, warnings=[]]");
        assertThat(db).isRegularFile();
        assertThat(db.resolveSibling("openrom.db-wal")).exists();
        stores.close();
    }

    private Bundle bundle(String bsn) {
        return Stream.of(context.getBundles())
                .filter(b -> bsn.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bundle not installed: " + bsn));
    }

    private static String providerOf(Bundle b, String packageName) {
        for (BundleWire wire : b.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            if (packageName.equals(wire.getCapability().getAttributes().get("osgi.wiring.package"))) {
                return wire.getProvider().getBundle().getSymbolicName();
            }
        }
        throw new AssertionError(b.getSymbolicName() + " does not import " + packageName);
    }

    private ServiceTracker<Object, Object> tracker(String filter) throws Exception {
        ServiceTracker<Object, Object> t = new ServiceTracker<>(context, context.createFilter(filter), null);
        t.open(true);
        return t;
    }

    private void configure(Map<String, String> properties) throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        assertThat(ref).as("ConfigurationAdmin").isNotNull();
        Object admin = context.getService(ref);
        Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configurationType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, PID, null);
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        configurationType.getMethod("update", Dictionary.class).invoke(configuration, dictionary);
        context.ungetService(ref);
    }

    private static Object call(Class<?> type, Object target, String name, Object... args) throws Exception {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return m.invoke(target, args);
            }
        }
        throw new AssertionError(type.getName() + " has no method " + name + "/" + args.length);
    }
}
