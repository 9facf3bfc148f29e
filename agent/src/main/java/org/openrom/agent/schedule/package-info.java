/** Quarters (UK financial by default, or calendar) and when each quarter's batch falls due. */
@NullMarked
package org.openrom.agent.schedule;

import org.jspecify.annotations.NullMarked;
