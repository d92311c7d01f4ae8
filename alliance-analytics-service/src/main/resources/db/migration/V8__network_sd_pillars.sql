-- Each pillar's pooled within-dyad squares beside the index's (same dyads, same degrees of freedom), so a rupture
-- can be opened by one pillar falling far against its own network SD. Null in snapshots taken before this version:
-- those months judge by the index alone until a rebuild takes them afresh.
ALTER TABLE network_sd_snapshot ADD COLUMN bond_squares  DOUBLE PRECISION;
ALTER TABLE network_sd_snapshot ADD COLUMN goals_squares DOUBLE PRECISION;
ALTER TABLE network_sd_snapshot ADD COLUMN tasks_squares DOUBLE PRECISION;
