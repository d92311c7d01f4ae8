-- The network SD in event time: one snapshot per calendar month (UTC), pooled from the sessions scheduled before
-- the month began, computed once when a course starting in that month is first assessed and kept, so a later
-- assessment, a redelivery and a replay of the same events use the same value. Derived state: a rebuild clears it.
CREATE TABLE network_sd_snapshot (
    month              DATE PRIMARY KEY,
    dyads              INTEGER          NOT NULL,
    squares            DOUBLE PRECISION NOT NULL,
    degrees_of_freedom BIGINT           NOT NULL,
    computed_at        TIMESTAMPTZ      NOT NULL
);

-- The per-dyad running aggregates the wall-clock pooled SD was read from; the snapshot replaces them.
ALTER TABLE dyad DROP COLUMN alliance_n;
ALTER TABLE dyad DROP COLUMN alliance_mean;
ALTER TABLE dyad DROP COLUMN alliance_m2;
