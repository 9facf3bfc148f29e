package org.openrom.fhir.internal;

import java.util.function.Supplier;

/**
 * Runs HAPI code with the thread context class loader set to this bundle's loader: HAPI's CacheFactory finds its
 * cache provider with {@code ServiceLoader.load}, which reads the TCCL, and inside OSGi the caller's TCCL cannot
 * see the nested jars. The only TCCL trick in OpenROM (STYLE.md §3).
 */
final class Tccl {
    private static final ClassLoader BUNDLE_LOADER = Tccl.class.getClassLoader();

    private Tccl() {}

    static <T> T call(Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == BUNDLE_LOADER) {
            return body.get();
        }
        thread.setContextClassLoader(BUNDLE_LOADER);
        try {
            return body.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
