/**
 * The site's durable buffer. {@link org.openrom.api.store.ResponseStore} saves each response with its
 * scores and an outbox row for the submission agent in one SQLite transaction: when {@code save} returns,
 * the response survives a crash or a power cut.
 */
@Export
@Version("1.0.0")
@NullMarked
package org.openrom.api.store;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
