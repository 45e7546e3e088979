//! The mail outbox, and the reminders already sent.

use super::*;
use crate::micros;
use saps_core::port::{MailRetry, MailStatus, Outbox, OutboxEntry, OutgoingMail};

const MAIL_COLS: &str = "id, recipient, subject, body, created_at, attempts, html_body";
const ENTRY_COLS: &str = "id, recipient, subject, body, created_at, attempts, html_body, \
                          sent_at, next_attempt_at, failed_at, last_error";

fn mail_row(r: &Row) -> StoreResult<OutgoingMail> {
    Ok(OutgoingMail {
        id: get(r, 0)?,
        to: get(r, 1)?,
        subject: get(r, 2)?,
        body: get(r, 3)?,
        created_at: get(r, 4)?,
        attempts: u32_col(r, 5)?,
        html: get(r, 6)?,
    })
}

fn entry_row(r: &Row) -> StoreResult<OutboxEntry> {
    let mail = mail_row(r)?;
    let sent_at: Option<Timestamp> = get(r, 7)?;
    let next_attempt_at: Option<Timestamp> = get(r, 8)?;
    let failed_at: Option<Timestamp> = get(r, 9)?;
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
        last_error: get(r, 10)?,
    })
}

impl Outbox for PgTx<'_> {
    fn enqueue_mail(&mut self, m: &OutgoingMail) -> StoreResult<()> {
        let attempts = int(m.attempts, "mail attempts")?;
        let at = micros(m.created_at);
        self.insert(
            &format!(
                "INSERT INTO outbox ({MAIL_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT DO NOTHING"
            ),
            &[&m.id, &m.to, &m.subject, &m.body, &at, &attempts, &m.html],
            |_| Ok("mail_id"),
        )
    }

    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>> {
        // In a write, each node claims its own mails until it commits.
        let lock = if self.writable {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        self.rows(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 AND failed_at IS NULL ORDER BY created_at, id LIMIT $1{lock}"
            ),
            &[&i64::from(limit)],
        )?
        .iter()
        .map(mail_row)
        .collect()
    }

    fn lease_mail(
        &mut self,
        now: Timestamp,
        until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMail>> {
        let now = micros(now);
        let until = micros(until);
        let mut mails = self
            .rows(
                &format!(
                    "UPDATE outbox SET leased_until = $2 WHERE id IN ( \
                     SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                     AND failed_at IS NULL \
                     AND (leased_until IS NULL OR leased_until < $1) \
                     AND (next_attempt_at IS NULL OR next_attempt_at <= $1) \
                     ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
                     RETURNING {MAIL_COLS}"
                ),
                &[&now, &until, &i64::from(limit)],
            )?
            .iter()
            .map(mail_row)
            .collect::<StoreResult<Vec<_>>>()?;
        mails.sort_by_key(|m| (m.created_at, m.id));
        Ok(mails)
    }

    fn mark_mail_sent(&mut self, id: Uuid, at: Timestamp) -> StoreResult<()> {
        let at = micros(at);
        self.exec(
            "UPDATE outbox SET sent_at = $2, leased_until = NULL, next_attempt_at = NULL \
             WHERE id = $1",
            &[&id, &at],
        )
        .map(drop)
    }

    fn mark_mail_failed(&mut self, id: Uuid) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL WHERE id = $1",
            &[&id],
        )
        .map(drop)
    }

    fn mark_mail_attempt_failed(
        &mut self,
        id: Uuid,
        error: &str,
        retry: &MailRetry,
    ) -> StoreResult<()> {
        let (next, failed) = match retry {
            MailRetry::At(t) => (Some(micros(*t)), None),
            MailRetry::GiveUp(t) => (None, Some(micros(*t))),
        };
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL, \
             last_error = $2, next_attempt_at = $3, failed_at = $4 \
             WHERE id = $1 AND sent_at IS NULL",
            &[&id, &error, &next, &failed],
        )
        .map(drop)
    }

    fn outbox_entries(&mut self, limit: u32) -> StoreResult<Vec<OutboxEntry>> {
        self.rows(
            &format!("SELECT {ENTRY_COLS} FROM outbox ORDER BY created_at DESC, id DESC LIMIT $1"),
            &[&i64::from(limit)],
        )?
        .iter()
        .map(entry_row)
        .collect()
    }

    fn record_reminder(&mut self, key: &str, at: Timestamp) -> StoreResult<bool> {
        let at = micros(at);
        self.exec(
            "INSERT INTO reminders_sent (key, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&key, &at],
        )
        .map(|n| n == 1)
    }

    fn reminder_recorded(&mut self, key: &str) -> StoreResult<bool> {
        self.exists("SELECT 1 FROM reminders_sent WHERE key = $1", &[&key])
    }
}
