-- At most one live 15-day engagement of a type per customer: the rule holds
-- under concurrency, not only when the count before the insert is right.
CREATE UNIQUE INDEX vouchers_one_fifteen_day ON vouchers (customer_id, engagement)
    WHERE days = 15 AND state NOT IN ('cancelled', 'expired', 'removed');
