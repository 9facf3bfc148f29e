-- V1: responses with their scores, the outbox the submission agent reads, and the audit log.
-- Applied in one transaction together with PRAGMA user_version = 1 (see Migrator).
-- Timestamps are UTC ISO-8601 text with exactly nine fraction digits ("2026-11-22T09:30:00.000000000Z"),
-- so text order is time order and Instant.parse reads them back exactly.

-- 'OROM': marks the file as OpenROM's, so another application's SQLite file is refused, not migrated.
PRAGMA application_id = 1330794317;

-- One row per QuestionnaireResponse. Raw answers are always kept (fhir_json); scores are derived
-- and can be recomputed. Never updated by the capture path: a repeat of the same id is ignored.
CREATE TABLE response (
    response_id TEXT NOT NULL PRIMARY KEY,
    patient_id  TEXT NOT NULL,
    episode_id  TEXT,
    measure_id  TEXT NOT NULL,
    authored    TEXT NOT NULL,
    fhir_json   TEXT NOT NULL,
    scores_json TEXT NOT NULL,
    stored_at   TEXT NOT NULL
) STRICT;

-- A young person's responses oldest first, all measures or one; "all responses to a measure" for reports.
-- ORDER BY authored, rowid is served by these indexes (rowid is the implicit last key column).
CREATE INDEX response_by_patient ON response (patient_id, authored);
CREATE INDEX response_by_patient_measure ON response (patient_id, measure_id, authored);
CREATE INDEX response_by_measure ON response (measure_id, authored);

-- What the submission agent still has to send. seq never repeats (AUTOINCREMENT), so the agent can
-- page through pending rows in order. state: pending -> sealed (in batch batch_id, which is never
-- rebuilt) -> delivered (a verified receipt). One outbox row per response.
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    response_id TEXT NOT NULL UNIQUE REFERENCES response (response_id),
    created_at  TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sealed', 'delivered')),
    batch_id    TEXT,
    CHECK ((state = 'pending') = (batch_id IS NULL))
) STRICT;

CREATE INDEX outbox_by_state ON outbox (state, seq);
CREATE INDEX outbox_by_batch ON outbox (batch_id) WHERE batch_id IS NOT NULL;

-- Append-only, hash-chained: hash = SHA-256(previous row's hash, seq, at, actor, action, object), hex.
-- The first row chains from 64 zeros. Object names a thing (response/<id>), never answers or names.
CREATE TABLE audit (
    seq    INTEGER NOT NULL PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    hash   TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;
