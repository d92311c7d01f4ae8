-- What the rules said after each session of a dyad (the series a therapist sees), and the alert lifecycle: raised at
-- a session, acknowledged, resolved at a session (or by the dyad's ending), every time in the dyad's own event time.

-- The dyad's alliance series as a running aggregate (count, mean, sum of squared deviations): the network SD of the
-- rupture rule is pooled from these over all dyads.
ALTER TABLE dyad ADD COLUMN alliance_n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dyad ADD COLUMN alliance_mean DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE dyad ADD COLUMN alliance_m2 DOUBLE PRECISION NOT NULL DEFAULT 0;

CREATE TABLE session_assessment (
    session_id      UUID PRIMARY KEY,
    dyad_id         UUID             NOT NULL,
    session_number  INTEGER          NOT NULL,
    scheduled_at    TIMESTAMPTZ      NOT NULL,
    attendance      TEXT             NOT NULL,
    alliance_index  DOUBLE PRECISION,
    low_alliance    BOOLEAN          NOT NULL,
    -- NONE, WATCH, RUPTURE, REPAIRED, UNRESOLVED
    rupture_state   TEXT             NOT NULL,
    pillars         TEXT,
    fit_concern     BOOLEAN          NOT NULL,
    risk_score      DOUBLE PRECISION NOT NULL,
    -- the risk model's factors with their contributions, as JSON
    risk_factors    TEXT             NOT NULL
);
CREATE INDEX session_assessment_dyad ON session_assessment (dyad_id, session_number);

ALTER TABLE alert ADD COLUMN dyad_id UUID;
ALTER TABLE alert ADD COLUMN session_number INTEGER;
ALTER TABLE alert ADD COLUMN occurred_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN pillars TEXT;
ALTER TABLE alert ADD COLUMN risk_score DOUBLE PRECISION;
ALTER TABLE alert ADD COLUMN risk_factors TEXT;
ALTER TABLE alert ADD COLUMN resolution TEXT;
ALTER TABLE alert ADD COLUMN resolved_session_id UUID;
ALTER TABLE alert ADD COLUMN resolved_session_number INTEGER;
ALTER TABLE alert ADD COLUMN resolved_occurred_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN acknowledged_by TEXT;
-- the therapist's note: stays in this service, never on an event or in an email
ALTER TABLE alert ADD COLUMN acknowledgement_note TEXT;

-- One alert per dyad and kind until it is resolved (acknowledged ones are still open).
DROP INDEX alert_one_open_per_dyad_and_kind;
CREATE UNIQUE INDEX alert_one_open_per_dyad_and_kind ON alert (dyad_id, kind)
    WHERE status <> 'RESOLVED' AND dyad_id IS NOT NULL;
-- the walking skeleton's LOW_ALLIANCE alerts, from before dyads
CREATE UNIQUE INDEX alert_one_open_per_pair_and_kind ON alert (client_id, therapist_id, kind)
    WHERE status = 'OPEN' AND dyad_id IS NULL;
CREATE INDEX alert_dyad ON alert (dyad_id);
CREATE INDEX alert_therapist ON alert (therapist_id, raised_at);
CREATE INDEX alert_clinic ON alert (clinic_id, raised_at);
