package org.openrom.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The built bundle (target/*.jar, with its pruned HAPI closure) in a real Felix with SCR, slf4j and SPI Fly: HAPI
 * parses and the check judges inside OSGi. Runs in the integration-test phase (failsafe), after packaging.
 *
 * <p>The service's classes come from the framework's loaders, not this test's, so it is called by reflection.
 */
class FhirBundleIT {
    private static final String API = "org.openrom.api.fhir.QuestionnaireResponses";
    private static Framework framework;
    private static Object service;
    private static Bundle fhir;
    private static long startMillis;
    private static long startedToReadyMillis;

    @BeforeAll
    static void startFelix() throws Exception {
        Path cache = Path.of(System.getProperty("it.felix.cache"));
        deleteTree(cache);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("ds.loglevel", "warn");
        // Without this Felix hands some loads to this JVM's class path (which has slf4j): "SimpleServiceProvider
        // not a subtype", and logging falls back to NOP.
        config.put("felix.bootdelegation.implicit", "false");
        // This JVM's class path holds slf4j and HAPI too; keep them out of ServiceLoader lookups in the framework.
        Thread.currentThread().setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], null));
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.bundles.dir")))) {
            for (Path jar : jars.sorted(Comparator.comparing(FhirBundleIT::startRank)).toList()) {
                bundles.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            }
        }
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        fhir = framework.getBundleContext().installBundle(new File(System.getProperty("fhir.bundle")).toURI().toString());
        long t0 = System.nanoTime();
        fhir.start();
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), API, null);
        tracker.open(true); // this JVM's class path has its own copy of the API: do not filter by class space
        service = tracker.waitForService(10_000);
        long serviceMillis = (System.nanoTime() - t0) / 1_000_000;
        if (service == null) {
            for (Bundle b : framework.getBundleContext().getBundles()) {
                System.out.printf("%-50s %s%n", b.getSymbolicName(), b.getState());
            }
        }
        assertThat(service).as("QuestionnaireResponses service").isNotNull();
        invoke("questionnaires"); // waits for the FhirContext
        startedToReadyMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("fhir bundle: start() %d ms, service registered %d ms, FhirContext ready %d ms after start%n",
                startMillis, serviceMillis, startedToReadyMillis);
    }

    @AfterAll
    static void stopFelix() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    void bundleStartsAtOnceAndTheContextWarmsUpInTheBackground() {
        assertThat(fhir.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(startMillis).as("Bundle.start() with the component activated").isLessThan(5_000);
        assertThat(startedToReadyMillis).as("FhirContext warm-up").isLessThan(60_000);
    }

    @Test
    void embedsOnlyTheR4JsonClosureAndExportsNothing() {
        assertThat(fhir.getHeaders().get(Constants.EXPORT_PACKAGE)).isNull();
        String classPath = fhir.getHeaders().get(Constants.BUNDLE_CLASSPATH);
        assertThat(classPath).contains("lib/hapi-fhir-base-", "lib/hapi-fhir-structures-r4-", "lib/org.hl7.fhir.r4-");
        assertThat(classPath).doesNotContain("validation", "r5", "dstu3", "convertors", "icu4j", "thymeleaf", "slf4j", "Saxon", "jena");
    }

    @Test
    void parsesAndChecksAValidPhq9Response() throws Exception {
        Object response = invoke("parse", Fixtures.phq9(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0}));
        assertThat(call(response, "measureId")).isEqualTo("phq9");
        assertThat((List<?>) call(response, "answers")).hasSize(9);
        assertThat((List<?>) invoke("check", response)).isEmpty();
    }

    @Test
    void rejectsAnUnknownLinkIdNamingIt() throws Exception {
        String json = Fixtures.phq9(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0}).replace("\"linkId\":\"q9\"", "\"linkId\":\"q12\"");
        List<?> issues = (List<?>) invoke("check", invoke("parse", json));
        assertThat(issues).extracting(i -> call(i, "message"))
                .contains("q12: no such item in phq9", "q9: required, but not answered in this phq9 response");
    }

    @Test
    void rejectsAnOutOfRangeAnswerNamingTheItem() throws Exception {
        String json = Fixtures.phq9(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0}).replace("LA6568-5\"}}]}]", "LA9999-9\"}}]}]");
        List<?> issues = (List<?>) invoke("check", invoke("parse", json));
        assertThat(issues).extracting(i -> (String) call(i, "message")).singleElement().asString()
                .startsWith("q9: code LA9999-9 is not one of the allowed answers");
    }

    @Test
    void refusesWhatIsNotAQuestionnaireResponse() {
        assertThatThrownBy(() -> invoke("parse", "{\"resourceType\":\"Patient\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resourceType is Patient");
        assertThatThrownBy(() -> invoke("parse", "not json")).hasMessageStartingWith("not JSON");
    }

    @Test
    void judgesACorpusExactlyAsOnAFlatClassPath() throws Exception {
        Map<String, String> profiles = new java.util.LinkedHashMap<>();
        org.openrom.profiles.Profiles.measureIds().forEach(id -> profiles.put(id, org.openrom.profiles.Profiles.questionnaire(id).orElseThrow()));
        HapiQuestionnaireResponses flat = new HapiQuestionnaireResponses(TestConfig.DEFAULT, () -> profiles);
        List<ResponseCorpus.Sample> corpus = new ResponseCorpus(7L, flat.engine().catalog().all()).generate(400);
        List<String> malformed = List.of("", "[]", "{\"resourceType\":\"Nonsense\"}", "{\"resourceType\":\"QuestionnaireResponse\",\"status\":7}",
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"x\",\"item\":[{\"linkId\":\"q1\",\"answer\":[{\"valueQuantity\":{\"value\":1}}]}]}",
                // base64Binary needs commons-codec inside the bundle
                Fixtures.phq9(new int[9]).replace("{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"LA6568-5\"}}]}]}",
                        "{\"valueAttachment\":{\"contentType\":\"text/plain\",\"data\":\"aGVsbG8=\"}}]}]}"),
                "{\"resourceType\":\"QuestionnaireResponse\",\"contained\":[{\"resourceType\":\"Patient\"}],\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}}");
        int invalid = 0;
        for (String json : java.util.stream.Stream.concat(corpus.stream().map(ResponseCorpus.Sample::json), malformed.stream()).toList()) {
            List<String> inFelix = messagesInFelix(json);
            List<String> onClassPath = messages(flat, json);
            assertThat(inFelix).as(json).isEqualTo(onClassPath);
            invalid += inFelix.isEmpty() ? 0 : 1;
        }
        assertThat(invalid).isGreaterThan(100);
    }

    private static List<String> messagesInFelix(String json) throws Exception {
        try {
            return ((List<?>) invoke("check", invoke("parse", json))).stream().map(i -> (String) call(i, "message")).toList();
        } catch (IllegalArgumentException e) {
            return ((List<?>) call(e, "issues")).stream().map(i -> (String) call(i, "message")).toList();
        }
    }

    private static List<String> messages(HapiQuestionnaireResponses flat, String json) {
        try {
            return flat.check(flat.parse(json)).stream().map(org.openrom.api.fhir.Issue::message).toList();
        } catch (org.openrom.api.fhir.InvalidResponseException e) {
            return e.issues().stream().map(org.openrom.api.fhir.Issue::message).toList();
        }
    }

    private static Object invoke(String name, Object... args) throws Exception {
        for (Method m : service.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(service, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error; // e.g. a NoClassDefFoundError: a jar missing from the bundle
                    }
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static Object call(Object target, String accessor) {
        try {
            Method m = target.getClass().getMethod(accessor);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(accessor, e);
        }
    }

    /** SPI Fly and ASM first, then slf4j, then the rest (stack-notes §6.6). */
    private static int startRank(Path jar) {
        String n = jar.getFileName().toString();
        if (n.startsWith("asm") || n.contains("spifly")) {
            return 0;
        } else if (n.startsWith("slf4j-api")) {
            return 1;
        } else if (n.startsWith("slf4j")) {
            return 2;
        }
        return 3;
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(x);
                }
            }
        }
    }
}
