package org.openrom.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs code that works outside the framework (the database check, command-line tools) in a class loader of
 * its own over the jars in {@code lib/tools/} and its subfolders, and the class folders of bundles unpacked there. The launcher's own class path holds only the launcher and the framework:
 * anything more there is visible to every bundle through SPI Fly's class loaders, and a second slf4j
 * provider there breaks logging inside the framework.
 */
final class Tools implements AutoCloseable {
    private final URLClassLoader loader;

    Tools(Path home) throws UsageException {
        this(home, "lib/tools");
    }

    /** A loader over another folder of the distribution ({@code lib/agent} for the submission agent). */
    Tools(Path home, String subfolder) throws UsageException {
        Path dir = home.resolve(subfolder);
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.walk(dir)) {
            urls.add(Main.class.getProtectionDomain().getCodeSource().getLocation());
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            // A bundle whose embedded jars are unpacked beside its classes (lib/tools/fhir/{org,lib}).
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path folder : folders.filter(p -> Files.isDirectory(p.resolve("org"))).sorted().toList()) {
                    urls.add(folder.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        this.loader = new URLClassLoader("openrom-" + dir.getFileName(), urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Calls a public static method that takes and returns only JDK types. */
    Object call(String className, String method, Class<?>[] types, Object... args) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Method m = Class.forName(className, true, loader).getMethod(method, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
