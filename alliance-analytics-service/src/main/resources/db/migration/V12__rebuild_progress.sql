-- How far the last rebuild got, for GET /api/admin/rebuild: the partition numbers it folds and has written, the
-- events read so far, and when it finished what it did. A rebuild may take minutes; its POST answers only at the end.
ALTER TABLE rebuild_run
    ADD COLUMN partitions_total   integer,
    ADD COLUMN partitions_written integer,
    ADD COLUMN events             bigint,
    ADD COLUMN skipped            bigint,
    ADD COLUMN dyads              bigint,
    ADD COLUMN seconds            double precision;
