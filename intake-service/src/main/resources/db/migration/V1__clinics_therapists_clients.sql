CREATE TABLE clinic (
    id            TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE therapist (
    id            UUID PRIMARY KEY,
    clinic_id     TEXT        NOT NULL REFERENCES clinic (id),
    username      TEXT        NOT NULL UNIQUE,
    display_name  TEXT        NOT NULL,
    work_email    TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX therapist_clinic ON therapist (clinic_id);

-- The only table of the system with PHI (name, date of birth).
CREATE TABLE client (
    id            UUID PRIMARY KEY,
    clinic_id     TEXT        NOT NULL REFERENCES clinic (id),
    client_code   TEXT        NOT NULL UNIQUE,
    first_name    TEXT        NOT NULL,
    last_name     TEXT        NOT NULL,
    date_of_birth DATE        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    therapist_id  UUID REFERENCES therapist (id),
    assigned_at   TIMESTAMPTZ
);
CREATE INDEX client_clinic ON client (clinic_id);

-- Who read or wrote which client's PHI, and when.
CREATE TABLE phi_access_log (
    id          BIGSERIAL PRIMARY KEY,
    accessed_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    client_id   UUID        NOT NULL
);
CREATE INDEX phi_access_log_client ON phi_access_log (client_id);
