-- V2: the young people and episodes of care the site captures for, so that the submission agent (a separate
-- process with no host) can pseudonymise and generalise what it sends (RELIABILITY.md, decisions; ADR 0004).
-- Applied in one transaction together with PRAGMA user_version = 2 (see Migrator).
-- Written by ResponseStore.recordCase only when a value changed, so updated_at means "last changed".
-- Dates are ISO-8601 (yyyy-MM-dd); times UTC ISO-8601 text with nine fraction digits, as in V1.
-- These rows identify children: they never leave the site as they are.

CREATE TABLE patient (
    patient_id  TEXT NOT NULL PRIMARY KEY,
    nhs_number  TEXT,
    given_name  TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date  TEXT NOT NULL CHECK (length(birth_date) = 10),
    gender      TEXT NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unknown')),
    postcode    TEXT,
    ethnicity   TEXT,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE episode (
    episode_id    TEXT NOT NULL PRIMARY KEY,
    patient_id    TEXT NOT NULL REFERENCES patient (patient_id),
    service       TEXT NOT NULL,
    referral_date TEXT NOT NULL CHECK (length(referral_date) = 10),
    closed_date   TEXT CHECK (closed_date IS NULL OR closed_date >= referral_date),
    updated_at    TEXT NOT NULL
) STRICT;

-- A young person's episodes; what changed since the agent last looked.
CREATE INDEX episode_by_patient ON episode (patient_id);
CREATE INDEX patient_by_updated ON patient (updated_at);
CREATE INDEX episode_by_updated ON episode (updated_at);
