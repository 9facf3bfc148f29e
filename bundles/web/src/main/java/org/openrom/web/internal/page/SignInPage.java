package org.openrom.web.internal.page;

import org.jspecify.annotations.Nullable;

/**
 * The sign-in form (template {@code signin.jte}).
 *
 * @param layout the layout
 * @param csrf the double-submit token for the hidden {@code csrf} field
 * @param error why the last attempt failed (never which of name and password was wrong); null for none
 * @param username the user name as typed last time, kept in the field
 */
public record SignInPage(Layout layout, String csrf, @Nullable String error, String username) {}
