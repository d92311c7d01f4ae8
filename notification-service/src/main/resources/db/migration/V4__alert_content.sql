-- What the email may say about an alert beyond its kind: the pillars that fell (RUPTURE) and the largest risk
-- factors (DROPOUT_RISK), as names only (comma-separated enum names; never scores, answers or free text).
ALTER TABLE alert_notification ADD COLUMN pillars TEXT;
ALTER TABLE alert_notification ADD COLUMN factors TEXT;
