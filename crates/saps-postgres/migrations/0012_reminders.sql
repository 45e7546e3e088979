-- Mail and reminders: the outbox keeps an HTML alternative, retries with
-- backoff (the next attempt's instant and the last error), and marks a mail
-- failed when it gives up; each reminder is recorded once by its key.
--
-- The twin of crates/saps-sqlite/migrations/0012_reminders.sql.

ALTER TABLE outbox
    ADD COLUMN html_body text,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN last_error text,
    ADD COLUMN failed_at timestamptz;

CREATE TABLE reminders_sent (
    key     text PRIMARY KEY,
    sent_at timestamptz NOT NULL
);
