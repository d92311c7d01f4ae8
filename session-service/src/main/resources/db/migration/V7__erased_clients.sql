-- When intake erased the client (right to erasure): from then on nothing more is recorded about them here - no
-- booking, attendance, feedback or link (409); what was recorded before stays, under the pseudonymous ids.
ALTER TABLE dyad ADD COLUMN erased_at TIMESTAMPTZ;
