-- Alerts change (acknowledged, resolved): a concurrent change of the same alert fails instead of overwriting.
ALTER TABLE alert ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
