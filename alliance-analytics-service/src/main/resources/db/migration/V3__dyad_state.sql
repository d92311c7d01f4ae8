-- The state the rules read, kept from intake-events and session-events (never by asking another service): episodes
-- of care and their endings, the dyads within them (a reassignment ends one and starts the next), every session with
-- its attendance, and every measure given after it. Rules recompute a dyad's course from these rows, so events
-- arriving out of order, or corrections after later sessions, give the same state as in order.

CREATE TABLE episode_of_care (
    episode_id  UUID PRIMARY KEY,
    client_id   UUID        NOT NULL,
    clinic_id   TEXT        NOT NULL,
    client_code TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    closed_at   TIMESTAMPTZ,
    -- PLANNED, DROPOUT (the client stopped coming), ADMINISTRATIVE, REFERRED
    ending      TEXT,
    end_date    DATE
);
CREATE INDEX episode_of_care_client ON episode_of_care (client_id, started_at);

-- A client and a therapist within one episode; its id is derived from the three, so every consumer and every
-- rebuild names it the same.
CREATE TABLE dyad (
    id                  UUID PRIMARY KEY,
    client_id           UUID        NOT NULL,
    episode_id          UUID        NOT NULL,
    therapist_id        UUID        NOT NULL,
    clinic_id           TEXT        NOT NULL,
    client_code         TEXT        NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    ended_at            TIMESTAMPTZ,
    -- REASSIGNED (with the reassignment's reason: FIT, AVAILABILITY, CLIENT_REQUEST, OTHER) or EPISODE_CLOSED
    end_reason          TEXT,
    reassignment_reason TEXT,
    version             BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX dyad_client ON dyad (client_id, started_at);
CREATE INDEX dyad_therapist ON dyad (therapist_id, started_at);

CREATE TABLE session_record (
    session_id     UUID PRIMARY KEY,
    client_id      UUID        NOT NULL,
    therapist_id   UUID        NOT NULL,
    clinic_id      TEXT        NOT NULL,
    client_code    TEXT,
    -- absent for sessions announced before episodes existed: the dyad is then found by client, therapist and time
    episode_id     UUID,
    session_number INTEGER,
    scheduled_at   TIMESTAMPTZ,
    session_date   DATE        NOT NULL,
    -- null until recorded: ATTENDED, NO_SHOW, CANCELLED_BY_CLIENT, CANCELLED_BY_CLINIC
    attendance     TEXT,
    cancelled_late BOOLEAN,
    version        BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX session_record_client ON session_record (client_id, therapist_id, scheduled_at);

-- Every measure (alliance and outcome) as last corrected, with the 0-100 index and the pillars' indices.
ALTER TABLE alliance_measurement RENAME TO feedback_measure;
ALTER INDEX alliance_measurement_dyad RENAME TO feedback_measure_dyad;
ALTER TABLE feedback_measure ALTER COLUMN alliance_index DROP NOT NULL;
ALTER TABLE feedback_measure ADD COLUMN bond_index NUMERIC(5, 2);
ALTER TABLE feedback_measure ADD COLUMN goals_index NUMERIC(5, 2);
ALTER TABLE feedback_measure ADD COLUMN tasks_index NUMERIC(5, 2);
ALTER TABLE feedback_measure ADD COLUMN corrected_at TIMESTAMPTZ;
CREATE INDEX feedback_measure_session ON feedback_measure (session_id);
