package org.openrom.itest.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openrom.api.store.ResponseStore;
import org.openrom.api.store.SaveOutcome;
import org.openrom.api.store.StoredResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StoreIT {

    @InjectBundleContext
    BundleContext context;

    @Test
    void roundTripsAResponseAndKeepsItAcrossARestartOfTheStore(
            @InjectService(timeout = 30_000) ServiceAware<ResponseStore> stores) throws Exception {
        String id = "itest-" + UUID.randomUUID();
        StoredResponse response = new StoredResponse(id, "demo-1", "demo-1-e1", "phq9",
                Instant.parse("2026-11-22T10:15:30Z"), "{\"resourceType\":\"QuestionnaireResponse\"}", "{}");
        ResponseStore store = stores.getService();
        assertThat(store.save(response)).isEqualTo(SaveOutcome.STORED);
        assertThat(store.save(response)).isEqualTo(SaveOutcome.ALREADY_STORED);
        assertThat(store.find(id)).contains(response);

        Bundle storeBundle = stores.getServiceReference().getBundle();
        storeBundle.stop();
        assertThat(stores.getService()).as("store service gone while its bundle is stopped").isNull();
        storeBundle.start();

        ServiceTracker<ResponseStore, ResponseStore> tracker = new ServiceTracker<>(context, ResponseStore.class, null);
        tracker.open();
        try {
            ResponseStore reopened = tracker.waitForService(30_000);
            assertThat(reopened).isNotNull().isNotSameAs(store);
            assertThat(reopened.find(id)).contains(response);
            assertThat(reopened.responses("demo-1", "phq9")).contains(response);
            assertThat(reopened.status().ok()).isTrue();
        } finally {
            tracker.close();
        }
    }
}
