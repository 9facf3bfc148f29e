package org.openrom.web.internal.page;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.openrom.web.internal.OpenRomContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /openrom/static/{name}}: the stylesheet (and nothing else), read once from the bundle. An allow-list of
 * names, so no path ever reaches the class loader.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/static/*")
@HttpWhiteboardContextSelect(OpenRomContext.SELECT)
public final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("openrom.css", "text/css;charset=UTF-8");

    private final transient Map<String, byte[]> files;

    public StaticServlet() {
        files = Map.of("openrom.css", read("openrom.css"));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        byte[] body = files.get(name);
        if (body == null) {
            resp.sendError(404);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(TYPES.get(name));
        resp.setHeader("Cache-Control", "max-age=3600");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticServlet.class.getResourceAsStream("/org/openrom/web/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("org/openrom/web/static/" + name + " missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
