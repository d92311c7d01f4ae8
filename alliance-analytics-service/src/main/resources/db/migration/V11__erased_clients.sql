-- Clients intake erased (right to erasure). This service holds no PHI of its own making, except what a person may
-- have written into an alert's acknowledgement note: erased with the client, and no new note is taken for them.
-- Not part of the rebuilt state (a rebuild does not empty it): the erasure stands whatever is replayed.
CREATE TABLE erased_client (
    client_id UUID PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
);
