-- Who is assigned to whom, as intake-service announced it (event-carried state: no call back to intake).
CREATE TABLE dyad (
    client_id    UUID PRIMARY KEY,
    client_code  TEXT        NOT NULL,
    clinic_id    TEXT        NOT NULL,
    therapist_id UUID        NOT NULL,
    assigned_at  TIMESTAMPTZ NOT NULL
);

-- How a therapist's token (preferred_username) is recognised.
CREATE TABLE therapist_login (
    therapist_id UUID PRIMARY KEY,
    username     TEXT NOT NULL UNIQUE,
    clinic_id    TEXT NOT NULL
);

CREATE TABLE session (
    id           UUID PRIMARY KEY,
    client_id    UUID        NOT NULL,
    therapist_id UUID        NOT NULL,
    clinic_id    TEXT        NOT NULL,
    session_date DATE        NOT NULL,
    status       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_client ON session (client_id, session_date);

-- A client's item answers to one instrument after one session; one per session and instrument.
CREATE TABLE feedback (
    id           UUID PRIMARY KEY,
    session_id   UUID          NOT NULL REFERENCES session (id),
    instrument   TEXT          NOT NULL,
    answers      TEXT          NOT NULL,
    total        NUMERIC(6, 2) NOT NULL,
    subscales    TEXT          NOT NULL,
    entered_by   TEXT          NOT NULL,
    submitted_at TIMESTAMPTZ   NOT NULL,
    UNIQUE (session_id, instrument)
);
