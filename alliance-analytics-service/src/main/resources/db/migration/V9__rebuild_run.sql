-- A rebuild replaces the state in several transactions (forget, one per fold, one per slice of dyads assessed).
-- This one row says whether the last rebuild finished: while it has not (running, failed part-way, or its JVM gone),
-- the state is partial, so live events wait, readiness says so, and a start resumes it.
CREATE TABLE rebuild_run (
    id          smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz
);
