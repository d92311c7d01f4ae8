-- Every alliance measurement of a dyad, on one 0-100 index whatever the instrument, with the raw total kept.
CREATE TABLE alliance_measurement (
    feedback_id    UUID PRIMARY KEY,
    session_id     UUID          NOT NULL,
    client_id      UUID          NOT NULL,
    therapist_id   UUID          NOT NULL,
    clinic_id      TEXT          NOT NULL,
    session_date   DATE          NOT NULL,
    instrument     TEXT          NOT NULL,
    total          NUMERIC(6, 2) NOT NULL,
    alliance_index NUMERIC(5, 2) NOT NULL,
    submitted_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX alliance_measurement_dyad ON alliance_measurement (client_id, therapist_id, session_date);

CREATE TABLE alert (
    id           UUID PRIMARY KEY,
    kind         TEXT        NOT NULL,
    severity     TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    client_id    UUID        NOT NULL,
    client_code  TEXT        NOT NULL,
    therapist_id UUID        NOT NULL,
    clinic_id    TEXT        NOT NULL,
    session_id   UUID        NOT NULL,
    session_date DATE        NOT NULL,
    reasons      TEXT        NOT NULL,
    raised_at    TIMESTAMPTZ NOT NULL
);
-- One open alert per dyad and kind: alert fatigue kills feedback systems.
CREATE UNIQUE INDEX alert_one_open_per_dyad_and_kind ON alert (client_id, therapist_id, kind) WHERE status = 'OPEN';
