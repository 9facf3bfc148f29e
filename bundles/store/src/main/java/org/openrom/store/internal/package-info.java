/**
 * The SQLite implementation of the response store: opening the file ({@link
 * org.openrom.store.internal.DatabaseFile}), schema migrations ({@link org.openrom.store.internal.Migrator}),
 * the audit hash chain ({@link org.openrom.store.internal.AuditLog}) and the DS component ({@link
 * org.openrom.store.internal.SqliteResponseStore}). Not exported.
 */
@NullMarked
package org.openrom.store.internal;

import org.jspecify.annotations.NullMarked;
