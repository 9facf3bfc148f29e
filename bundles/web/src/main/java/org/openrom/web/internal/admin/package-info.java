/**
 * The site administrator's page: the submission agent's status (G8), read from the {@code agent-status.json} the
 * agent rewrites after every state change. No clinical content is shown here, and clinicians cannot open it.
 */
@NullMarked
package org.openrom.web.internal.admin;

import org.jspecify.annotations.NullMarked;
