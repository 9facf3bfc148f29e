/**
 * What every HTML page shares: server-rendered templates ({@link org.openrom.web.internal.page.Templates}, jte,
 * precompiled, HTML-escaping by context), the layout ({@link org.openrom.web.internal.page.Layout}), sessions with
 * the {@code OPENROM_SESSION} cookie ({@link org.openrom.web.internal.page.WebSessions}), CSRF tokens
 * ({@link org.openrom.web.internal.page.Csrf}), sign-in and the stylesheet. See the module README, "Pages: how to
 * add one".
 */
@NullMarked
package org.openrom.web.internal.page;

import org.jspecify.annotations.NullMarked;
