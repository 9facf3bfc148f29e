package org.openrom.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrom.api.store.StoreStatus;
import org.openrom.web.internal.HealthReport.BundleState;

@SuppressWarnings("unchecked")
class HealthReportTest {
    private static final StoreStatus GOOD_STORE = new StoreStatus(true, 1, "ok", "wal");
    private static final Map<String, Boolean> ALL_SERVICES = Map.of("fhir", true, "host", true, "store", true);

    @Test
    void upWhenEveryBundleIsActiveAndEveryServiceIsThere() {
        HealthReport r = HealthReport.of("1.0", List.of(
                new BundleState("a", "1", "ACTIVE", false),
                new BundleState("frag", "1", "RESOLVED", true)), ALL_SERVICES, GOOD_STORE, null);
        assertThat(r.up()).isTrue();
        assertThat(r.body()).containsEntry("status", "UP").containsEntry("problems", List.of());
    }

    @Test
    void downNamingTheBundleThatIsNotActive() {
        HealthReport r = HealthReport.of("1.0", List.of(new BundleState("org.openrom.fhir", "1", "RESOLVED", false)),
                ALL_SERVICES, GOOD_STORE, null);
        assertThat(r.up()).isFalse();
        assertThat(r.body()).containsEntry("status", "DOWN");
        assertThat((List<Object>) r.body().get("problems")).containsExactly("bundle org.openrom.fhir is RESOLVED");
    }

    @Test
    void downWhenAServiceIsMissing() {
        HealthReport r = HealthReport.of("1.0", List.of(), Map.of("fhir", false, "host", true), GOOD_STORE, null);
        assertThat(r.up()).isFalse();
        assertThat((List<Object>) r.body().get("problems")).containsExactly("service fhir is not available");
    }

    @Test
    void downWhenTheStoreFailsItsQuickCheckOrIsAbsent() {
        HealthReport bad = HealthReport.of("1.0", List.of(), Map.of(),
                new StoreStatus(false, 1, "*** in database main *** Page 7 is never used", "wal"), null);
        assertThat(bad.up()).isFalse();
        HealthReport absent = HealthReport.of("1.0", List.of(), Map.of(), null, "SQLException: disk I/O error");
        assertThat(absent.up()).isFalse();
        assertThat((List<Object>) absent.body().get("problems")).containsExactly("store: SQLException: disk I/O error");
    }

    @Test
    void downNamingEachUnsafeStoreSetting() {
        String warning = "ST-2001: acknowledge is before-commit-UNSAFE (a test control): saves are reported before"
                + " they are durable and can be lost";
        HealthReport r = HealthReport.of("1.0", List.of(), ALL_SERVICES,
                new StoreStatus(false, 2, "ok", "wal", List.of(warning)), null);
        assertThat(r.up()).isFalse();
        assertThat((List<Object>) r.body().get("problems")).containsExactly("store: " + warning);
        assertThat((Map<String, Object>) r.body().get("store")).containsEntry("warnings", List.of(warning));
    }
}
