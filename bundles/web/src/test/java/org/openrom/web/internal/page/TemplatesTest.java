package org.openrom.web.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void rendersWhenTheThreadHasNoContextClassLoaderAsInTheFramework() throws Exception {
        String[] html = new String[1];
        Thread t = new Thread(() -> html[0] = new Templates().render("message.jte",
                new Message(Layout.anonymous("Hello"), "Hello", "<b>text</b>", null, null)));
        t.setContextClassLoader(null);
        t.start();
        t.join();
        assertThat(html[0]).contains("<h1>Hello</h1>").contains("&lt;b&gt;text&lt;/b&gt;");
    }
}
