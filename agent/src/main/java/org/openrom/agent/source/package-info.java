/**
 * Reading the site's SQLite buffer (schema of {@code org.openrom.store}, migrations V001 and V002) from the agent's
 * own process: read-only, one consistent snapshot per run. Rows here identify children and never leave the site as
 * they are; {@link org.openrom.agent.seal} turns them into what may leave.
 */
@NullMarked
package org.openrom.agent.source;

import org.jspecify.annotations.NullMarked;
