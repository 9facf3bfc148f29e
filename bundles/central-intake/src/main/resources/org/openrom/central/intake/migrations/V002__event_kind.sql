-- batch_event.kind was VARCHAR(16), too short for SEQUENCE_REGRESSION (19 characters): SQLite ignores declared
-- lengths, PostgreSQL refused the row, and with it the whole batch (503 on every retry). Portable SQL has no way to
-- widen a column on SQLite (no ALTER COLUMN), so the table is rebuilt; it holds a few rows per site.
CREATE TABLE batch_event_v2 (
  site_id        VARCHAR(12) NOT NULL,
  batch_id       CHAR(36)    NOT NULL,
  kind           VARCHAR(32) NOT NULL,
  detail         VARCHAR(400) NOT NULL,
  at             VARCHAR(32) NOT NULL
);
INSERT INTO batch_event_v2 (site_id, batch_id, kind, detail, at) SELECT site_id, batch_id, kind, detail, at FROM batch_event;
DROP TABLE batch_event;
ALTER TABLE batch_event_v2 RENAME TO batch_event;
