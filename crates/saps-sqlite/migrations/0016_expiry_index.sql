-- The expiry sweep takes the open vouchers due soonest first, a batch at a
-- time (`vouchers_expired_before`). With only (state, expires_on), every batch
-- sorted all the due vouchers of the four states to keep the first few hundred:
-- on a day a million vouchers fall due, each batch read them all. This index
-- holds only open vouchers, in the order the sweep takes them, so a batch reads
-- just its own rows (the query names it: `INDEXED BY vouchers_open_expiry`).
-- The twin of crates/saps-postgres/migrations/0016_expiry_index.sql.
CREATE INDEX vouchers_open_expiry ON vouchers (expires_on, id)
    WHERE state IN ('created', 'assigned', 'reserved', 'completed');
