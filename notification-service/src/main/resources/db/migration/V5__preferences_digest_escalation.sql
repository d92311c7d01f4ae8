-- The directory grows: how a therapist's token is known (username), whether they work at the clinic still (active),
-- and each clinic's supervisor address for escalations. All staff data, none of it PHI.
ALTER TABLE therapist_contact ADD COLUMN username TEXT;
ALTER TABLE therapist_contact ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX therapist_contact_username ON therapist_contact (username);

CREATE TABLE clinic_contact (
    clinic_id        TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    supervisor_email TEXT
);

-- A therapist's own choices; no row means the defaults (immediate, no quiet hours, every kind, no resolved notes).
CREATE TABLE notification_preferences (
    therapist_id   UUID PRIMARY KEY,
    delivery       TEXT        NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST')),
    digest_hour    INTEGER     NOT NULL CHECK (digest_hour BETWEEN 0 AND 23),
    time_zone      TEXT        NOT NULL,
    quiet_from     TIME,
    quiet_until    TIME,
    skipped_kinds  TEXT,
    resolved_notes BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL,
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

-- The delivery log becomes one row per email: the alert's own email (ALERT), the supervisor's escalation
-- (ESCALATION), a "resolved" note (RESOLVED), and a therapist's daily digest (DIGEST, about no single alert).
ALTER TABLE alert_notification ADD COLUMN purpose TEXT NOT NULL DEFAULT 'ALERT'
    CHECK (purpose IN ('ALERT', 'ESCALATION', 'RESOLVED', 'DIGEST'));
ALTER TABLE alert_notification ALTER COLUMN purpose DROP DEFAULT;
-- Whom it went to: the therapist, or the clinic's supervisor (escalations; alerts of a therapist no longer active).
ALTER TABLE alert_notification ADD COLUMN recipient TEXT CHECK (recipient IN ('THERAPIST', 'SUPERVISOR'));
ALTER TABLE alert_notification ADD COLUMN clinic_id TEXT;
-- When analytics raised the alert: NotificationSent carries the time from then to the SMTP server's acceptance.
ALTER TABLE alert_notification ADD COLUMN alert_raised_at TIMESTAMPTZ;
ALTER TABLE alert_notification ADD COLUMN created_at TIMESTAMPTZ;
-- A resolved note: how the alert was resolved, as the enum name (REPAIRED, RISK_CLEARED, ...).
ALTER TABLE alert_notification ADD COLUMN resolution TEXT;
-- DIGEST rows: the instant of the digest (the therapist's chosen hour, in their time zone); ALERT rows waiting for a
-- digest (IN_DIGEST) carry the same instant in next_attempt_at and are listed by the digest of that instant.
ALTER TABLE alert_notification ADD COLUMN digest_at TIMESTAMPTZ;
ALTER TABLE alert_notification ALTER COLUMN alert_id DROP NOT NULL;
ALTER TABLE alert_notification ALTER COLUMN kind DROP NOT NULL;
ALTER TABLE alert_notification ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE alert_notification ALTER COLUMN client_code DROP NOT NULL;
ALTER TABLE alert_notification ALTER COLUMN session_date DROP NOT NULL;
ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_about_an_alert
    CHECK ((purpose = 'DIGEST') = (alert_id IS NULL));
ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_digest_time
    CHECK ((purpose = 'DIGEST') = (digest_at IS NOT NULL));
UPDATE alert_notification SET recipient = 'THERAPIST' WHERE recipient IS NULL;

-- One email per alert and purpose, ever; one digest per therapist and digest time, even with two instances.
ALTER TABLE alert_notification DROP CONSTRAINT alert_notification_alert_id_key;
CREATE UNIQUE INDEX alert_notification_one_per_purpose ON alert_notification (alert_id, purpose)
    WHERE alert_id IS NOT NULL;
CREATE UNIQUE INDEX alert_notification_one_digest ON alert_notification (therapist_id, digest_at)
    WHERE purpose = 'DIGEST';
CREATE INDEX alert_notification_in_digest ON alert_notification (therapist_id, next_attempt_at)
    WHERE status = 'IN_DIGEST';
CREATE INDEX alert_notification_history ON alert_notification (created_at DESC, id);

-- New states: IN_DIGEST (waits for the therapist's digest), WAITING_FOR_SUPERVISOR (the clinic has no supervisor
-- address yet), CANCELLED (acknowledged or resolved before it went out), SKIPPED (a kind the therapist opted out of,
-- or a resolved note for a therapist no longer active).
ALTER TABLE alert_notification DROP CONSTRAINT alert_notification_status;
ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_status
    CHECK (status IN ('PENDING', 'WAITING_FOR_THERAPIST', 'WAITING_FOR_SUPERVISOR', 'IN_DIGEST', 'SENDING', 'SENT',
                      'FAILED', 'NOT_SENT_HISTORICAL', 'CANCELLED', 'SKIPPED'));
DROP INDEX alert_notification_open_by_therapist;
CREATE INDEX alert_notification_open_by_therapist ON alert_notification (therapist_id)
    WHERE status IN ('PENDING', 'WAITING_FOR_THERAPIST', 'IN_DIGEST', 'SENDING');
CREATE INDEX alert_notification_waiting_for_supervisor ON alert_notification (clinic_id)
    WHERE status = 'WAITING_FOR_SUPERVISOR';

-- Rows from before: recorded about when they were due or sent (V2 dropped the column they had).
UPDATE alert_notification SET created_at = coalesce(sent_at, next_attempt_at) WHERE created_at IS NULL;
ALTER TABLE alert_notification ALTER COLUMN created_at SET NOT NULL;

-- Rows from before carry no clinic: take the therapist's, so a clinic's supervisor address releases them.
UPDATE alert_notification a SET clinic_id = t.clinic_id
FROM therapist_contact t WHERE a.clinic_id IS NULL AND a.therapist_id = t.therapist_id;
