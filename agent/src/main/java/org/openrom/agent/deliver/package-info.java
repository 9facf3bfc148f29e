/** deliver */
@NullMarked
package org.openrom.agent.deliver;

import org.jspecify.annotations.NullMarked;
