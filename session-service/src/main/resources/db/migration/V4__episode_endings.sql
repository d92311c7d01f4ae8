-- The client's episode of care as intake-service announced it: after EpisodeClosed no new sessions, until a new
-- episode's ClientAssigned. A reassignment only changes the therapist (assigned_at: when).
ALTER TABLE dyad ADD COLUMN episode_closed_at TIMESTAMPTZ;
