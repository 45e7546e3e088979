-- Partial indexes cost every write of a voucher what their conditions cost:
-- SQLite tests the condition on the row before and after the write, and an
-- `IN (…)` list of three or more builds a small table each time a statement
-- runs (four per reservation and per expired voucher). The same conditions
-- written as comparisons cost a few instructions. And the redemption days
-- are read only for redeemed vouchers: an index of those alone is not
-- touched when a voucher is reserved, cancelled or expires.
-- The twin of crates/saps-postgres/migrations/0019_cheaper_voucher_writes.sql.
DROP INDEX vouchers_state_redeemed_on;
CREATE INDEX vouchers_redeemed_on ON vouchers (redeemed_on, id) WHERE state = 'redeemed';

DROP INDEX vouchers_open_expiry;
CREATE INDEX vouchers_open_expiry ON vouchers (expires_on, id)
    WHERE state = 'created' OR state = 'assigned' OR state = 'reserved' OR state = 'completed';

DROP INDEX vouchers_one_fifteen_day;
CREATE UNIQUE INDEX vouchers_one_fifteen_day ON vouchers (customer_id, engagement)
    WHERE days = 15 AND state <> 'cancelled' AND state <> 'expired' AND state <> 'removed';
