/** state */
@NullMarked
package org.openrom.agent.state;

import org.jspecify.annotations.NullMarked;
