-- V3: look up the audit rows about one thing (e.g. who acknowledged the risk alert of response/<id>, and when),
-- which ResponseStore.audited reads; without the index that read would scan the whole log, which grows with every
-- view of a young person's data. Applied in one transaction together with PRAGMA user_version = 3 (see Migrator).

CREATE INDEX audit_by_object ON audit (object, action, seq);
