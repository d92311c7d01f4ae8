-- Which login is which therapist (from TherapistRegistered): how a therapist's token is matched to their own dyads
-- and alerts. No name or address is kept here.
CREATE TABLE therapist_login (
    therapist_id UUID PRIMARY KEY,
    username     TEXT NOT NULL UNIQUE,
    clinic_id    TEXT NOT NULL
);
