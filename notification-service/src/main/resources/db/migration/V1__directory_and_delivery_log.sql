-- Where to reach therapists, from intake-service's events.
CREATE TABLE therapist_contact (
    therapist_id UUID PRIMARY KEY,
    clinic_id    TEXT NOT NULL,
    display_name TEXT NOT NULL,
    work_email   TEXT NOT NULL
);

-- One row per alert, ever: the key that makes "one email per alert" hold across redeliveries and restarts.
CREATE TABLE alert_notification (
    id              UUID PRIMARY KEY,
    alert_id        UUID        NOT NULL UNIQUE,
    kind            TEXT        NOT NULL,
    client_id       UUID        NOT NULL,
    client_code     TEXT        NOT NULL,
    therapist_id    UUID        NOT NULL,
    session_date    DATE        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX alert_notification_due ON alert_notification (next_attempt_at) WHERE status = 'PENDING';
