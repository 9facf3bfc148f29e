/**
 * The demo host: {@link org.openrom.host.demo.internal.DemoHost} serves a synthetic caseload and checks
 * local accounts whose PBKDF2 hashes come from configuration. Nothing here is a real person.
 */
@NullMarked
package org.openrom.host.demo.internal;

import org.jspecify.annotations.NullMarked;
