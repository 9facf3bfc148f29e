/**
 * Code the launcher runs outside the framework, loaded by {@link org.openrom.launcher.Tools} in its own
 * class loader. Entry points take and return JDK types only.
 */
@NullMarked
package org.openrom.launcher.tools;

import org.jspecify.annotations.NullMarked;
