-- Each user's choice of optional mails (no row: every group on), and the day
-- each voucher was redeemed, kept on the voucher so that claims, what-if and
-- the claim-window reminder need not read its journal. Existing redeemed
-- vouchers get the (program, UTC) date of their latest `voucher.redeemed`
-- event; the journal stays as it was (the audit re-derives from it alone).
-- The twin of crates/saps-sqlite/migrations/0017_notifications_and_redeemed_on.sql.
CREATE TABLE notification_settings (
    user_id         uuid PRIMARY KEY REFERENCES users (id),
    reminders       boolean NOT NULL,
    voucher_updates boolean NOT NULL,
    payments        boolean NOT NULL
);

ALTER TABLE vouchers ADD COLUMN redeemed_on date;

UPDATE vouchers v SET redeemed_on = r.on_day
FROM (
    SELECT DISTINCT ON (voucher_id) voucher_id, (at AT TIME ZONE 'UTC')::date AS on_day
    FROM events
    WHERE kind = 'voucher.redeemed' AND voucher_id IS NOT NULL
    ORDER BY voucher_id, seq DESC
) r
WHERE v.id = r.voucher_id;

CREATE INDEX vouchers_state_redeemed_on ON vouchers (state, redeemed_on);
