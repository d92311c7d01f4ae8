-- Sessions are numbered per episode of care: a client's new episode starts again at session 1 (analytics' warm-up,
-- "early no-show" and "by session 6" rules count within an episode). The dyad keeps the episode intake announced;
-- each session keeps the episode it was booked in.
ALTER TABLE dyad ADD COLUMN episode_id UUID;
ALTER TABLE session ADD COLUMN episode_id UUID;

-- Rows from before episodes existed: one episode per client, with an id derived from the client so that the dyad
-- and its sessions agree (their earlier episodes, if any, cannot be told apart any more and stay together).
UPDATE dyad SET episode_id = md5('episode ' || client_id::text)::uuid;
UPDATE session SET episode_id = md5('episode ' || client_id::text)::uuid;
ALTER TABLE dyad ALTER COLUMN episode_id SET NOT NULL;
ALTER TABLE session ALTER COLUMN episode_id SET NOT NULL;

ALTER TABLE session DROP CONSTRAINT session_number_per_client;
ALTER TABLE session ADD CONSTRAINT session_number_per_episode UNIQUE (client_id, episode_id, session_number);
