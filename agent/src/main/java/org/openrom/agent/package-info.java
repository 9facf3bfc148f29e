/** The submission agent's entry point, {@link org.openrom.agent.AgentMain}. */
@NullMarked
package org.openrom.agent;

import org.jspecify.annotations.NullMarked;
