//! The mail outbox, and the reminders already sent.

use super::*;
use saps_core::port::{MailRetry, MailStatus, Outbox, OutboxEntry, OutgoingMail};

const MAIL_COLS: &str = "id, recipient, subject, body, created_at, attempts, html_body";
const ENTRY_COLS: &str = "id, recipient, subject, body, created_at, attempts, html_body, \
                          sent_at, next_attempt_at, failed_at, last_error";

fn mail_row(r: &Row<'_>) -> rusqlite::Result<OutgoingMail> {
    Ok(OutgoingMail {
        id: col(r, 0)?,
        to: r.get(1)?,
        subject: r.get(2)?,
        body: r.get(3)?,
        created_at: col(r, 4)?,
        attempts: r.get(5)?,
        html: r.get(6)?,
    })
}

fn entry_row(r: &Row<'_>) -> rusqlite::Result<OutboxEntry> {
    let mail = mail_row(r)?;
    let sent_at: Option<jiff::Timestamp> = opt_col(r, 7)?;
    let next_attempt_at: Option<jiff::Timestamp> = opt_col(r, 8)?;
    let failed_at: Option<jiff::Timestamp> = opt_col(r, 9)?;
    let status = if sent_at.is_some() {
        MailStatus::Sent
    } else if failed_at.is_some() {
        MailStatus::Failed
    } else if mail.attempts > 0 {
        MailStatus::Retrying
    } else {
        MailStatus::Pending
    };
    Ok(OutboxEntry {
        mail,
        status,
        sent_at,
        next_attempt_at,
        failed_at,
        last_error: r.get(10)?,
    })
}

impl Outbox for SqliteTx<'_> {
    fn enqueue_mail(&mut self, m: &OutgoingMail) -> StoreResult<()> {
        self.exec(
            "INSERT INTO outbox (id, recipient, subject, body, created_at, attempts, html_body) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                m.id.to_string(),
                m.to,
                m.subject,
                m.body,
                timestamp(m.created_at),
                m.attempts,
                m.html,
            ],
        )
        .map(drop)
    }

    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>> {
        self.all(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 AND failed_at IS NULL ORDER BY created_at, id LIMIT ?1"
            ),
            [limit],
            mail_row,
        )
    }

    fn lease_mail(
        &mut self,
        now: jiff::Timestamp,
        until: jiff::Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMail>> {
        // The single writer makes select-then-update atomic.
        let due = self.all(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 AND failed_at IS NULL \
                 AND (leased_until IS NULL OR leased_until < ?1) \
                 AND (next_attempt_at IS NULL OR next_attempt_at <= ?1) \
                 ORDER BY created_at, id LIMIT ?2"
            ),
            params![timestamp(now), limit],
            mail_row,
        )?;
        for m in &due {
            self.exec(
                "UPDATE outbox SET leased_until = ?2 WHERE id = ?1",
                params![m.id.to_string(), timestamp(until)],
            )?;
        }
        Ok(due)
    }

    fn mark_mail_sent(&mut self, id: uuid::Uuid, at: jiff::Timestamp) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET sent_at = ?2, leased_until = NULL, next_attempt_at = NULL \
             WHERE id = ?1",
            params![id.to_string(), timestamp(at)],
        )
        .map(drop)
    }

    fn mark_mail_failed(&mut self, id: uuid::Uuid) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL WHERE id = ?1",
            [id.to_string()],
        )
        .map(drop)
    }

    fn mark_mail_attempt_failed(
        &mut self,
        id: uuid::Uuid,
        error: &str,
        retry: &MailRetry,
    ) -> StoreResult<()> {
        let (next, failed) = match retry {
            MailRetry::At(t) => (Some(timestamp(*t)), None),
            MailRetry::GiveUp(t) => (None, Some(timestamp(*t))),
        };
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL, \
             last_error = ?2, next_attempt_at = ?3, failed_at = ?4 \
             WHERE id = ?1 AND sent_at IS NULL",
            params![id.to_string(), error, next, failed],
        )
        .map(drop)
    }

    fn outbox_entries(&mut self, limit: u32) -> StoreResult<Vec<OutboxEntry>> {
        self.all(
            &format!("SELECT {ENTRY_COLS} FROM outbox ORDER BY created_at DESC, id DESC LIMIT ?1"),
            [limit],
            entry_row,
        )
    }

    fn record_reminder(&mut self, key: &str, at: jiff::Timestamp) -> StoreResult<bool> {
        self.exec(
            "INSERT INTO reminders_sent (key, sent_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![key, timestamp(at)],
        )
        .map(|n| n == 1)
    }

    fn reminder_recorded(&mut self, key: &str) -> StoreResult<bool> {
        Ok(self
            .one("SELECT 1 FROM reminders_sent WHERE key = ?1", [key], |_| {
                Ok(())
            })?
            .is_some())
    }
}
