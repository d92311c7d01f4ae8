-- Aggregates that change carry a version: a concurrent change of the same row is a 409, never a lost update.
ALTER TABLE clinic ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE therapist ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE client ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
