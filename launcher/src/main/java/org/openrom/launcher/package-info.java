/**
 * The {@code openrom} command. {@link org.openrom.launcher.Main} dispatches to the subcommands;
 * {@link org.openrom.launcher.SiteRuntime} runs the site's bundles on an embedded Apache Felix framework.
 */
@NullMarked
package org.openrom.launcher;

import org.jspecify.annotations.NullMarked;
