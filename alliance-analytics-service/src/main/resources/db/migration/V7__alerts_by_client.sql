-- Every live batch reads its clients' alerts (all statuses) to reconcile them with what the rules decide, and the
-- alliance API reads a client's alerts: without this index both scanned the whole alert table, a cost that grew
-- with the network's history.
CREATE INDEX alert_client ON alert (client_id, occurred_at);
