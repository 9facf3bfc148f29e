/** cli */
@NullMarked
package org.openrom.agent.cli;

import org.jspecify.annotations.NullMarked;
