-- Alerts about sessions long past (a network importing its history, a replay after a change of rules) are kept in
-- the delivery log as NOT_SENT_HISTORICAL: final, never emailed, and still one row per alert.
ALTER TABLE alert_notification DROP CONSTRAINT alert_notification_status;
ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_status
    CHECK (status IN ('PENDING', 'WAITING_FOR_THERAPIST', 'SENDING', 'SENT', 'FAILED', 'NOT_SENT_HISTORICAL'));
