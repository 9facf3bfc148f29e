package org.openrom.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openrom.api.store.StoreStatus;

/**
 * What {@code GET /openrom/api/health} answers. Pure data, built from what the runtime reports, so the
 * rules for "healthy" are tested without a framework.
 */
record HealthReport(boolean up, Map<String, Object> body) {

    /** A bundle as the framework reports it. */
    record BundleState(String symbolicName, String version, String state, boolean fragment) {
        boolean healthy() {
            return fragment ? state.equals("RESOLVED") || state.equals("ACTIVE") : state.equals("ACTIVE");
        }
    }

    /**
     * Healthy when every bundle is active (fragments resolved), each required service is present and
     * the store passes its checks.
     *
     * @param services required services by name, true when registered
     * @param store the store's status, null when the store service is absent or failed
     * @param storeError why the store status could not be read, if it could not
     */
    static HealthReport of(
            String version,
            List<BundleState> bundles,
            Map<String, Boolean> services,
            @Nullable StoreStatus store,
            @Nullable String storeError) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> bundleList = new ArrayList<>();
        for (BundleState b : bundles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbolicName", b.symbolicName());
            m.put("version", b.version());
            m.put("state", b.state());
            bundleList.add(m);
            if (!b.healthy()) {
                problems.add("bundle " + b.symbolicName() + " is " + b.state());
            }
        }
        Map<String, Object> serviceMap = new LinkedHashMap<>();
        services.forEach((name, present) -> {
            serviceMap.put(name, present ? "UP" : "DOWN");
            if (!present) {
                problems.add("service " + name + " is not available");
            }
        });
        Map<String, Object> storeMap = new LinkedHashMap<>();
        if (store == null) {
            storeMap.put("status", "DOWN");
            problems.add("store: " + (storeError == null ? "not available" : storeError));
            if (storeError != null) {
                storeMap.put("error", storeError);
            }
        } else {
            storeMap.put("status", store.ok() ? "UP" : "DOWN");
            storeMap.put("schemaVersion", store.schemaVersion());
            storeMap.put("quickCheck", store.quickCheck());
            storeMap.put("journalMode", store.journalMode());
            storeMap.put("warnings", store.warnings());
            if (!store.warnings().isEmpty()) {
                // Test controls such as acknowledging before the commit: loud, because saves can be lost.
                store.warnings().forEach(w -> problems.add("store: " + w));
            } else if (!store.ok()) {
                problems.add("store: quick_check " + store.quickCheck() + ", journal " + store.journalMode());
            }
        }
        boolean up = problems.isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("version", version);
        body.put("problems", problems);
        body.put("services", serviceMap);
        body.put("store", storeMap);
        body.put("bundles", bundleList);
        return new HealthReport(up, body);
    }
}
