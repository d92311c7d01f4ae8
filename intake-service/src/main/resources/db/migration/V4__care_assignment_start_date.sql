-- The day a therapist took over as staff gave it (a course entered afterwards), or NULL when none was given and the
-- start is the moment it was entered: a discharge may not end the episode before a given day.
ALTER TABLE care_assignment ADD COLUMN start_date DATE;
