/**
 * The site's durable buffer. {@link org.openrom.api.store.ResponseStore} saves each response with its
 * scores and an outbox row for the submission agent in one SQLite transaction: when {@code save} returns,
 * the response survives a crash or a power cut. Since 1.1.0 the audit row names the signed-in user
 * ({@link org.openrom.api.store.ResponseStore#save(org.openrom.api.store.StoredResponse, String)}) and views of a
 * young person's data are audited ({@link org.openrom.api.store.ResponseStore#audit}). Since 1.2.0 the store keeps the
 * young person and their episodes ({@link org.openrom.api.store.ResponseStore#recordCase}) for the agent. Since 1.3.0
 * audit rows can be read back ({@link org.openrom.api.store.ResponseStore#audited}).
 */
@Export
@Version("1.3.0")
@NullMarked
package org.openrom.api.store;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
