package org.openrom.web.internal.youngperson;

import org.openrom.web.internal.page.Layout;

/**
 * The kiosk code form (template {@code youngperson/kiosk.jte}).
 *
 * @param layout an anonymous layout
 * @param csrf the double-submit token the form repeats
 */
public record KioskPage(Layout layout, String csrf) {}
