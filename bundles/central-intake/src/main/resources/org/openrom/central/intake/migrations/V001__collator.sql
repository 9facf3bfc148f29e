-- The collator's store (ADR 0004). Portable SQL: the same script runs on SQLite and PostgreSQL.
-- Times are ISO-8601 UTC text; receipts are base64 DER text.

-- Sites the CA has issued a certificate to. status: ACTIVE or REVOKED.
CREATE TABLE site (
  site_id        VARCHAR(12) PRIMARY KEY,
  status         VARCHAR(8)  NOT NULL,
  cert_sha256    CHAR(64)    NOT NULL,
  cert_serial    VARCHAR(64) NOT NULL,
  not_after      VARCHAR(32) NOT NULL,
  registered     VARCHAR(32) NOT NULL,
  revoked        VARCHAR(32)
);

-- One row per stored batch. The unique index is the idempotency guarantee (G3).
CREATE TABLE batch (
  site_id        VARCHAR(12) NOT NULL,
  batch_id       CHAR(36)    NOT NULL,
  sequence       BIGINT      NOT NULL,
  quarter        VARCHAR(16) NOT NULL,
  body_sha256    CHAR(64)    NOT NULL,
  payload_sha256 CHAR(64)    NOT NULL,
  body_bytes     BIGINT      NOT NULL,
  records        BIGINT      NOT NULL,
  received       VARCHAR(32) NOT NULL,
  receipt        TEXT        NOT NULL
);
CREATE UNIQUE INDEX batch_site_batch ON batch (site_id, batch_id);

-- One row per resource; a later batch's version replaces an earlier one (corrections travel as updates).
-- resource_id is P_central for a Patient (P_site is never stored) and the site's resource id otherwise.
CREATE TABLE record (
  site_id        VARCHAR(12) NOT NULL,
  resource_type  VARCHAR(32) NOT NULL,
  resource_id    VARCHAR(64) NOT NULL,
  patient        CHAR(64),
  batch_id       CHAR(36)    NOT NULL,
  sequence       BIGINT      NOT NULL,
  body           TEXT        NOT NULL
);
CREATE UNIQUE INDEX record_key ON record (site_id, resource_type, resource_id);
CREATE INDEX record_batch ON record (site_id, batch_id);

-- Sequence gaps and regressions, and refused bytes kept in quarantine: shown in the status, never silent.
CREATE TABLE batch_event (
  site_id        VARCHAR(12) NOT NULL,
  batch_id       CHAR(36)    NOT NULL,
  kind           VARCHAR(16) NOT NULL,
  detail         VARCHAR(400) NOT NULL,
  at             VARCHAR(32) NOT NULL
);
