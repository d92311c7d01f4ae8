-- Idempotency keys of creating requests (platform idempotency package). A repeatable migration like the outbox's:
-- keep every statement idempotent and additive.

-- One row per caller and key, inserted before the creation runs and completed with its answer in the same
-- transaction, so a committed row always has its answer. The body is TEXT, not JSONB, so a replay sends back the
-- exact bytes of the first answer (JSONB would reorder keys). Rows are deleted after the retention
-- (alliance-pulse.idempotency.retention, 24 h by default).
CREATE TABLE IF NOT EXISTS idempotent_request (
    caller           TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    fingerprint      TEXT        NOT NULL,
    response_status  INTEGER,
    response_body    TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX IF NOT EXISTS idempotent_request_created_at ON idempotent_request (created_at);

-- The answer's Location header (a 201's created resource), replayed with the body; null when it had none.
ALTER TABLE idempotent_request ADD COLUMN IF NOT EXISTS response_location TEXT;
