/**
 * The site's keys: the keystore ({@link org.openrom.agent.keys.SiteKeystore}), enrolment and key rotation
 * ({@link org.openrom.agent.keys.Enrolment}), and the loaded identity sealing and delivery use
 * ({@link org.openrom.agent.keys.SiteIdentity}).
 */
@NullMarked
package org.openrom.agent.keys;

import org.jspecify.annotations.NullMarked;
