-- The date of the session that resolved an alert, where it was held (the date the resolution event and its email
-- carry), so the alert page shows the same day; alerts resolved before this column keep their session's date, or the
-- UTC date of the resolving time when the session is not known.
ALTER TABLE alert ADD COLUMN resolved_session_date DATE;
UPDATE alert a
SET resolved_session_date = coalesce(
        (SELECT r.session_date FROM session_record r WHERE r.session_id = a.resolved_session_id),
        CAST(a.resolved_occurred_at AT TIME ZONE 'UTC' AS date))
WHERE a.resolved_occurred_at IS NOT NULL;
