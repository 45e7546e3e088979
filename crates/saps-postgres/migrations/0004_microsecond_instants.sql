-- Instants are kept to the microsecond (the application's clock truncates to
-- it), the precision timestamptz has: the `_ns` twins that held the
-- nanoseconds below it are dropped. The store rounds any instant it is given
-- down to the microsecond, as the SQLite store does.
--
-- The twin of crates/saps-sqlite/migrations/0004_microsecond_instants.sql.

DROP INDEX outbox_pending;

ALTER TABLE orgs DROP COLUMN created_at_ns;
ALTER TABLE users DROP COLUMN created_at_ns;
ALTER TABLE api_tokens DROP COLUMN created_at_ns;
ALTER TABLE agreements DROP COLUMN created_at_ns;
ALTER TABLE ledger DROP COLUMN at_ns;
ALTER TABLE vouchers
    DROP COLUMN reserved_at_ns,
    DROP COLUMN created_at_ns,
    DROP COLUMN assigned_at_ns;
ALTER TABLE events DROP COLUMN at_ns;
ALTER TABLE idempotency_keys DROP COLUMN created_at_ns;
ALTER TABLE outbox
    DROP COLUMN created_at_ns,
    DROP COLUMN sent_at_ns;

CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE sent_at IS NULL;
