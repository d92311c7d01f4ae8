-- The day the current therapist took over as intake's staff gave it (ClientAssigned / ClientReassigned startDate),
-- or NULL when none was given: sessions before a given day are not this dyad's and are refused.
ALTER TABLE dyad ADD COLUMN start_date DATE;
