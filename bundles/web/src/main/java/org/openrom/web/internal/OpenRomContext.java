package org.openrom.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

/** OpenROM's own servlet context, at {@code /openrom}, so our servlets never share the default context. */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = OpenRomContext.NAME, path = "/openrom")
@RequireHttpWhiteboard
public final class OpenRomContext extends ServletContextHelper {
    public static final String NAME = "org.openrom";
    /** The filter a servlet uses to select this context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
}
