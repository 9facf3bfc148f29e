/** The sealing pipeline: site database reader, allow-list resource writer, identifier scan and CMS envelope. */
@NullMarked
package org.openrom.agent.seal.internal;

import org.jspecify.annotations.NullMarked;
