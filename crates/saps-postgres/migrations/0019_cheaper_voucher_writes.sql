-- The redemption days are read only for redeemed vouchers: an index of those
-- alone is not touched when a voucher is reserved, cancelled or expires.
-- (SQLite's twin also rewrites two partial indexes' `IN (…)` conditions as
-- comparisons, which cost SQLite a small table per statement; PostgreSQL
-- tests such lists cheaply, and its indexes stay as they are.)
-- The twin of crates/saps-sqlite/migrations/0019_cheaper_voucher_writes.sql.
DROP INDEX vouchers_state_redeemed_on;
CREATE INDEX vouchers_redeemed_on ON vouchers (redeemed_on, id) WHERE state = 'redeemed';
