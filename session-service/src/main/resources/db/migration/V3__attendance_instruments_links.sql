-- Sessions have a time and a number in the client's course of sessions; recorded outcomes carry whether a client's
-- cancellation was late. Existing rows: scheduled at midnight UTC of their day, numbered in date order.
ALTER TABLE session ADD COLUMN scheduled_at TIMESTAMPTZ;
UPDATE session SET scheduled_at = session_date::timestamp AT TIME ZONE 'UTC';
ALTER TABLE session ALTER COLUMN scheduled_at SET NOT NULL;
ALTER TABLE session ADD COLUMN session_number INTEGER;
UPDATE session s SET session_number = numbered.n
  FROM (SELECT id, row_number() OVER (PARTITION BY client_id ORDER BY session_date, created_at) AS n FROM session) numbered
 WHERE numbered.id = s.id;
ALTER TABLE session ALTER COLUMN session_number SET NOT NULL;
ALTER TABLE session ADD CONSTRAINT session_number_per_client UNIQUE (client_id, session_number);
ALTER TABLE session ADD COLUMN cancelled_late BOOLEAN;
ALTER TABLE session ADD COLUMN outcome_recorded_at TIMESTAMPTZ;

-- Feedback records when the client gave it, its 0-100 alliance index, and is corrected in place (versioned) with the
-- replaced answers kept in feedback_revision.
ALTER TABLE feedback ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feedback ADD COLUMN alliance_index NUMERIC(6, 2);
ALTER TABLE feedback ADD COLUMN given_at TIMESTAMPTZ;
UPDATE feedback SET given_at = submitted_at;
ALTER TABLE feedback ALTER COLUMN given_at SET NOT NULL;
ALTER TABLE feedback ADD COLUMN corrected_at TIMESTAMPTZ;

CREATE TABLE feedback_revision (
    id             UUID PRIMARY KEY,
    feedback_id    UUID          NOT NULL REFERENCES feedback (id),
    answers        TEXT          NOT NULL,
    total          NUMERIC(6, 2) NOT NULL,
    subscales      TEXT          NOT NULL,
    alliance_index NUMERIC(6, 2),
    entered_by     TEXT          NOT NULL,
    given_at       TIMESTAMPTZ   NOT NULL,
    replaced_at    TIMESTAMPTZ   NOT NULL,
    replaced_by    TEXT          NOT NULL
);
CREATE INDEX feedback_revision_feedback ON feedback_revision (feedback_id, replaced_at);

-- An organisation's own instruments (the built-in SRS, WAI-SR and ORS live in code): the definition as JSON.
CREATE TABLE instrument (
    code       TEXT PRIMARY KEY,
    definition TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- One-time links for a client's own answers. Only the SHA-256 of the token is stored: a leaked table opens nothing.
CREATE TABLE feedback_link (
    token_hash  TEXT PRIMARY KEY,
    session_id  UUID        NOT NULL REFERENCES session (id),
    instruments TEXT        NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    version     BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX feedback_link_session ON feedback_link (session_id);

-- Failed link look-ups per client address, for rate limiting across instances (no in-memory state).
CREATE TABLE feedback_link_failure (
    id        BIGSERIAL PRIMARY KEY,
    address   TEXT        NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_link_failure_address ON feedback_link_failure (address, failed_at);
