-- Delivery becomes a small state machine (AlertMailer): PENDING -> SENDING (claimed, committed before SMTP is
-- touched) -> SENT | PENDING (back-off) | FAILED, and WAITING_FOR_THERAPIST while the directory lacks the therapist.
-- alert_id stays UNIQUE: one row per alert, ever.

-- When a mailer claimed the row; a SENDING row whose claim is older than the claim timeout was left by a dead instance.
ALTER TABLE alert_notification ADD COLUMN claimed_at TIMESTAMPTZ;
-- Optimistic locking, and the fence that keeps a taken-over claim from recording its result.
ALTER TABLE alert_notification ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
-- Written once, read by nothing.
ALTER TABLE alert_notification DROP COLUMN created_at;

-- "Therapist not in the directory" used to spend attempts (and could end in FAILED). It is a wait now: give those
-- attempts back. The mailer re-decides such rows: sends them if the therapist has arrived meanwhile, else parks them.
UPDATE alert_notification
SET status = 'PENDING', attempts = 0, last_error = NULL, next_attempt_at = now()
WHERE last_error = 'THERAPIST_NOT_IN_DIRECTORY' AND status IN ('PENDING', 'FAILED');

ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_status
    CHECK (status IN ('PENDING', 'WAITING_FOR_THERAPIST', 'SENDING', 'SENT', 'FAILED'));
ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_claimed
    CHECK ((status = 'SENDING') = (claimed_at IS NOT NULL));

-- Claims: due PENDING rows (alert_notification_due, from V1) and abandoned SENDING rows.
CREATE INDEX alert_notification_claimed_at ON alert_notification (claimed_at) WHERE status = 'SENDING';
-- A therapist's arrival: their rows that are not final.
CREATE INDEX alert_notification_open_by_therapist ON alert_notification (therapist_id)
    WHERE status IN ('PENDING', 'WAITING_FOR_THERAPIST', 'SENDING');
