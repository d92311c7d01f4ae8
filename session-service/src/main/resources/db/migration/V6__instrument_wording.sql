-- The organisation's licensed item wording for an instrument (SRS, ORS and WAI-SR ship without it): item key to
-- label, as a JSON object. Loaded and replaced by an admin; shown on the client's form and in GET /api/instruments.
CREATE TABLE instrument_wording (
    code       TEXT        PRIMARY KEY,
    labels     TEXT        NOT NULL,
    loaded_by  TEXT        NOT NULL,
    loaded_at  TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0
);
