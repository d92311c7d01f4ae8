-- Tables every service has, owned by the platform module. A repeatable migration (re-applied when this file
-- changes) so it never competes with a service's own version numbers: keep every statement idempotent and additive
-- (CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS).

-- Transactional outbox: written in the same transaction as the state change it announces, deleted once Kafka
-- has acknowledged it (acks=all). "position" keeps the order of writes for the relay.
CREATE TABLE IF NOT EXISTS outbox_event (
    position     BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL
);
-- Never written or read: the relay keeps no per-event failure state (a failed batch is simply tried again).
ALTER TABLE outbox_event DROP COLUMN IF EXISTS attempts;
ALTER TABLE outbox_event DROP COLUMN IF EXISTS last_error;

-- Inbox: the CloudEvent ids a consumer has already applied, recorded in the transaction that applied them, so a
-- redelivered event changes nothing.
CREATE TABLE IF NOT EXISTS inbox_processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
-- The retention job (InboxRetention) deletes by age.
CREATE INDEX IF NOT EXISTS inbox_processed_event_processed_at ON inbox_processed_event (processed_at);
