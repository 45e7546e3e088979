//! The mail outbox.

use super::*;
use saps_core::port::{Outbox, OutgoingMail};

const MAIL_COLS: &str = "id, recipient, subject, body, created_at, attempts";

fn mail_row(r: &Row<'_>) -> rusqlite::Result<OutgoingMail> {
    Ok(OutgoingMail {
        id: col(r, 0)?,
        to: r.get(1)?,
        subject: r.get(2)?,
        body: r.get(3)?,
        created_at: col(r, 4)?,
        attempts: r.get(5)?,
    })
}

impl Outbox for SqliteTx<'_> {
    fn enqueue_mail(&mut self, m: &OutgoingMail) -> StoreResult<()> {
        self.exec(
            "INSERT INTO outbox (id, recipient, subject, body, created_at, attempts) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                m.id.to_string(),
                m.to,
                m.subject,
                m.body,
                timestamp(m.created_at),
                m.attempts,
            ],
        )
        .map(drop)
    }

    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>> {
        self.all(
            &format!(
                "SELECT {MAIL_COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                 ORDER BY created_at, id LIMIT ?1"
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
                 AND (leased_until IS NULL OR leased_until < ?1) \
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
            "UPDATE outbox SET sent_at = ?2 WHERE id = ?1",
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
}
