/**
 * {@code openrom collator init | register-site | revoke-site | sites | export-certs}, and the preparation of
 * {@code collator serve}: run by the launcher on a flat class path ({@code lib/tools}), never inside the framework.
 * Entry points take and return JDK types only. Not exported.
 */
@NullMarked
package org.openrom.central.intake.cli;

import org.jspecify.annotations.NullMarked;
