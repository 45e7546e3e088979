-- Each user's choice of optional mails (no row: every group on), and the day
-- each voucher was redeemed, kept on the voucher so that claims, what-if and
-- the claim-window reminder need not read its journal. Existing redeemed
-- vouchers get the (program, UTC) date of their latest `voucher.redeemed`
-- event; the journal stays as it was (the audit re-derives from it alone).
-- The twin of crates/saps-postgres/migrations/0017_notifications_and_redeemed_on.sql.
CREATE TABLE notification_settings (
    user_id         TEXT PRIMARY KEY REFERENCES users (id),
    reminders       INTEGER NOT NULL CHECK (reminders IN (0, 1)),
    voucher_updates INTEGER NOT NULL CHECK (voucher_updates IN (0, 1)),
    payments        INTEGER NOT NULL CHECK (payments IN (0, 1))
);

ALTER TABLE vouchers ADD COLUMN redeemed_on TEXT;

UPDATE vouchers SET redeemed_on = (
    SELECT substr(e.at, 1, 10) FROM events e
    WHERE e.voucher_id = vouchers.id AND e.kind = 'voucher.redeemed'
    ORDER BY e.seq DESC LIMIT 1
)
WHERE id IN (SELECT voucher_id FROM events WHERE kind = 'voucher.redeemed');

CREATE INDEX vouchers_state_redeemed_on ON vouchers (state, redeemed_on);
