-- Mail and reminders: the outbox keeps an HTML alternative, retries with
-- backoff (the next attempt's instant and the last error), and marks a mail
-- failed when it gives up; each reminder is recorded once by its key.
--
-- The twin of crates/saps-postgres/migrations/0012_reminders.sql.

ALTER TABLE outbox ADD COLUMN html_body TEXT;
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN failed_at TEXT;

CREATE TABLE reminders_sent (
    key     TEXT PRIMARY KEY,
    sent_at TEXT NOT NULL
);
