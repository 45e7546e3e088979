//! The mail outbox.

use super::*;
use crate::micros;
use saps_core::port::{Outbox, OutgoingMail};

const MAIL_COLS: &str = "id, recipient, subject, body, created_at, attempts";

fn mail_row(r: &Row) -> StoreResult<OutgoingMail> {
    Ok(OutgoingMail {
        id: get(r, 0)?,
        to: get(r, 1)?,
        subject: get(r, 2)?,
        body: get(r, 3)?,
        created_at: get(r, 4)?,
        attempts: u32_col(r, 5)?,
    })
}

impl Outbox for PgTx<'_> {
    fn enqueue_mail(&mut self, m: &OutgoingMail) -> StoreResult<()> {
        let attempts = int(m.attempts, "mail attempts")?;
        let at = micros(m.created_at);
        self.insert(
            &format!(
                "INSERT INTO outbox ({MAIL_COLS}) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT DO NOTHING"
            ),
            &[&m.id, &m.to, &m.subject, &m.body, &at, &attempts],
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
                 ORDER BY created_at, id LIMIT $1{lock}"
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
                     AND (leased_until IS NULL OR leased_until < $1) \
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
        self.exec("UPDATE outbox SET sent_at = $2 WHERE id = $1", &[&id, &at])
            .map(drop)
    }

    fn mark_mail_failed(&mut self, id: Uuid) -> StoreResult<()> {
        self.exec(
            "UPDATE outbox SET attempts = attempts + 1, leased_until = NULL WHERE id = $1",
            &[&id],
        )
        .map(drop)
    }
}
