package org.openrom.web.internal.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;

/**
 * The page templates ({@code src/main/jte}), compiled to Java at build time by jte-maven-plugin with
 * {@link ContentType#Html}: every {@code ${…}} is escaped for where it stands (text, attribute, URL), so a goal
 * worded {@code <script>} shows as text. Nothing is compiled at run time. Thread-safe.
 */
public final class Templates {
    /** The package jte-maven-plugin generates the template classes into (see the pom). */
    static final String PACKAGE = "org.openrom.web.internal.jte";

    private final TemplateEngine engine;

    public Templates() {
        // The bundle's own class loader holds the generated classes. jte ignores the class loader passed here when
        // the templates are on the class path (classDirectory null): RuntimeTemplateLoader takes the thread's context
        // class loader once, in this constructor — which is null in our framework (SiteRuntime). So the context
        // class loader is the bundle's for exactly this call, and restored.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Renders one template with its single {@code @param}.
     *
     * @param name the template's path under {@code src/main/jte}, e.g. {@code signin.jte}
     * @throws IllegalArgumentException when there is no such template or the model has the wrong type
     */
    public String render(String name, Object model) {
        StringOutput out = new StringOutput(8192);
        try {
            engine.render(name, model, out);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("cannot render template " + name + " with a "
                    + model.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }
}
