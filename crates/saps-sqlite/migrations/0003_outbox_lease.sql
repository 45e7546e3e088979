-- A mail is leased to the node delivering it, so that several nodes never
-- send the same mail at once; a lease that expires (its node died) frees it.
ALTER TABLE outbox ADD COLUMN leased_until TEXT;
