-- Aggregates that change carry a version: a concurrent change of the same row fails instead of overwriting.
ALTER TABLE dyad ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE session ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
