package org.openrom.web.internal.page;

import org.jspecify.annotations.Nullable;

/**
 * A page that only says something: not found, refused, busy (template {@code message.jte}).
 *
 * @param layout the layout
 * @param heading the page's heading
 * @param text one or two sentences
 * @param link where to go next (a path under {@code /openrom}); null for none
 * @param linkText the link's words
 */
public record Message(Layout layout, String heading, String text, @Nullable String link, @Nullable String linkText) {}
