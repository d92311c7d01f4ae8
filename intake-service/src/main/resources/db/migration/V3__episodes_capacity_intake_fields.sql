-- Clinics: where escalations go.
ALTER TABLE clinic ADD COLUMN supervisor_email TEXT;

-- Therapists: what matching and capacity need.
ALTER TABLE therapist ADD COLUMN languages TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE therapist ADD COLUMN specialties TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE therapist ADD COLUMN modalities TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE therapist ADD COLUMN caseload_capacity INT NOT NULL DEFAULT 25 CHECK (caseload_capacity >= 0);
ALTER TABLE therapist ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

-- Clients: the intake itself. Name, date of birth, contact and free text are PHI and become NULL on erasure; the id,
-- code, age band and episodes stay, so the network's statistics stay whole.
ALTER TABLE client ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE client ALTER COLUMN last_name DROP NOT NULL;
ALTER TABLE client ALTER COLUMN date_of_birth DROP NOT NULL;
ALTER TABLE client ADD COLUMN email TEXT;
ALTER TABLE client ADD COLUMN phone TEXT;
ALTER TABLE client ADD COLUMN preferred_language TEXT;
ALTER TABLE client ADD COLUMN consent_routine_feedback BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE client ADD COLUMN consent_contact BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE client ADD COLUMN preferred_specialties TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE client ADD COLUMN preferred_modalities TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE client ADD COLUMN preference_notes TEXT;
ALTER TABLE client ADD COLUMN intake_goals TEXT;
ALTER TABLE client ADD COLUMN age_band TEXT;
ALTER TABLE client ADD COLUMN status TEXT NOT NULL DEFAULT 'WAITING';
ALTER TABLE client ADD COLUMN current_episode_id UUID;
ALTER TABLE client ADD COLUMN erased_at TIMESTAMPTZ;
UPDATE client SET status = 'IN_CARE' WHERE therapist_id IS NOT NULL;
CREATE INDEX client_therapist ON client (therapist_id);

-- Episodes of care: from intake (or a return) to discharge. At most one open per client.
CREATE TABLE episode (
    id           UUID PRIMARY KEY,
    client_id    UUID        NOT NULL REFERENCES client (id),
    clinic_id    TEXT        NOT NULL REFERENCES clinic (id),
    opened_at    TIMESTAMPTZ NOT NULL,
    therapist_id UUID REFERENCES therapist (id),
    closed_at    TIMESTAMPTZ,
    ending       TEXT,
    end_date     DATE,
    version      BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX episode_one_open_per_client ON episode (client_id) WHERE closed_at IS NULL;

-- Who treated the client within an episode, and why it changed: the dyads.
CREATE TABLE care_assignment (
    id           BIGSERIAL PRIMARY KEY,
    episode_id   UUID        NOT NULL REFERENCES episode (id),
    client_id    UUID        NOT NULL REFERENCES client (id),
    therapist_id UUID        NOT NULL REFERENCES therapist (id),
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    end_reason   TEXT
);
CREATE INDEX care_assignment_episode ON care_assignment (episode_id);

-- Clients registered before episodes existed get one, open, with their current assignment.
INSERT INTO episode (id, client_id, clinic_id, opened_at, therapist_id)
    SELECT gen_random_uuid(), id, clinic_id, registered_at, therapist_id FROM client;
UPDATE client SET current_episode_id = e.id FROM episode e WHERE e.client_id = client.id;
INSERT INTO care_assignment (episode_id, client_id, therapist_id, started_at)
    SELECT e.id, c.id, c.therapist_id, COALESCE(c.assigned_at, c.registered_at)
    FROM client c JOIN episode e ON e.client_id = c.id WHERE c.therapist_id IS NOT NULL;

-- The audit answers "who read or changed whose PHI, when"; admins search it by user and period too.
CREATE INDEX phi_access_log_actor ON phi_access_log (actor, accessed_at);
CREATE INDEX phi_access_log_time ON phi_access_log (accessed_at);
