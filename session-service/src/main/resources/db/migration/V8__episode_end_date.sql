-- The clinical end of a closed episode (EpisodeClosed.endDate): sessions held up to that day may still be entered
-- after the discharge (a course entered afterwards); later ones need a new episode.
ALTER TABLE dyad ADD COLUMN episode_end_date DATE;
