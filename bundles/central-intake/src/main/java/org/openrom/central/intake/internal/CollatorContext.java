package org.openrom.central.intake.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

/** The collator's own servlet context, at {@code /collator}. */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = CollatorContext.NAME, path = "/collator")
@RequireHttpWhiteboard
public final class CollatorContext extends ServletContextHelper {
    static final String NAME = "org.openrom.collator";
    /** The filter a servlet uses to select this context. */
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
}
