-- Clinics' names as intake announces them (ClinicRegistered, ClinicUpdated): the network report names its clinics
-- "North Clinic", not "north". Not a rebuilt state: a rebuild reads the same events and writes the same names.
CREATE TABLE clinic_name (
    clinic_id TEXT PRIMARY KEY,
    name      TEXT NOT NULL
);
