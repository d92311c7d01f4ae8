-- The day a resolved note tells: the resolving session's, or the day a change of therapist or an ending took effect
-- (no session resolved those; the note read "at the session on" the last session's day). Null on notes written
-- before it: they tell the session's day as before.
ALTER TABLE alert_notification ADD COLUMN resolved_on DATE;
