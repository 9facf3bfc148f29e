/**
 * The site's HTTP surface on the Jakarta Servlet Whiteboard. Every servlet selects
 * {@link org.openrom.web.internal.OpenRomContext}, mounted at {@code /openrom}.
 */
@NullMarked
package org.openrom.web.internal;

import org.jspecify.annotations.NullMarked;
