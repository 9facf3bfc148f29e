package org.openrom.itest.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class RuntimeIT {

    @InjectBundleContext
    BundleContext context;

    @Test
    void everyBundleOfTheDistributionIsActive() {
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(b -> !isFragment(b) && b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " state " + b.getState())
                .toList();
        assertThat(notActive).isEmpty();
        assertThat(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName))
                .contains("org.openrom.api", "org.openrom.store", "org.openrom.web", "org.openrom.host.demo",
                        "org.openrom.profiles", "org.apache.felix.http.jetty12", "org.apache.felix.configurator");
    }

    @Test
    void theRuntimeReadsTheConfigurationDistShips() throws Exception {
        String initial = context.getProperty("configurator.initial");
        assertThat(initial).as("configurator.initial").isNotNull();
        java.nio.file.Path conf = java.nio.file.Path.of(java.net.URI.create(initial));
        assertThat(conf).as(initial).isRegularFile();
        assertThat(conf.toRealPath().toString()).endsWith("dist/src/main/dist/conf/openrom.json");
    }

    @Test
    void healthAnswersUpOnARealPort(
            @InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> runtime) throws Exception {
        HttpResponse<String> health = Http.awaitOk(
                Http.base(runtime.getServiceReference()).resolve("openrom/api/health"), Duration.ofSeconds(60));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(health.body())
                .contains("\"status\" : \"UP\"")
                .contains("\"journalMode\" : \"wal\"")
                .contains("\"symbolicName\" : \"org.openrom.store\"");
    }

    @Test
    void httpListensOnLoopbackOnly(@InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> runtime) {
        assertThat(Http.base(runtime.getServiceReference()).getHost()).isEqualTo("127.0.0.1");
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
