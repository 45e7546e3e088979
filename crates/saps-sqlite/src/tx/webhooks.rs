//! Webhook subscriptions, deliveries and their log; read-only queue counts.

use super::*;
use saps_core::port::{
    DeliveryAttempt, DeliveryStatus, DeliveryUpdate, LoggedAttempt, QueueCounts, Webhook,
    WebhookDelivery, WebhookScope, Webhooks,
};
use uuid::Uuid;

const HOOK_COLS: &str = "id, org_id, scope, url, events, secret, created_at, created_by, cursor, \
                         failing_since, disabled_at";
const DELIVERY_COLS: &str =
    "id, webhook_id, message_id, kind, body, created_at, status, attempts, next_attempt_at";

fn hook_row(r: &Row<'_>) -> rusqlite::Result<Webhook> {
    let events: String = r.get(4)?;
    Ok(Webhook {
        id: col(r, 0)?,
        org_id: col(r, 1)?,
        scope: enum_col(r, 2, WebhookScope::parse)?,
        url: r.get(3)?,
        events: serde_json::from_str(&events).map_err(|e| corrupt(4, e))?,
        secret: r.get(5)?,
        created_at: col(r, 6)?,
        created_by: col(r, 7)?,
        cursor: r.get(8)?,
        failing_since: opt_col(r, 9)?,
        disabled_at: opt_col(r, 10)?,
    })
}

fn delivery_row(r: &Row<'_>) -> rusqlite::Result<WebhookDelivery> {
    Ok(WebhookDelivery {
        id: col(r, 0)?,
        webhook_id: col(r, 1)?,
        message_id: r.get(2)?,
        kind: r.get(3)?,
        body: r.get(4)?,
        created_at: col(r, 5)?,
        status: enum_col(r, 6, DeliveryStatus::parse)?,
        attempts: r.get(7)?,
        next_attempt_at: opt_col(r, 8)?,
    })
}

fn counts(r: &Row<'_>) -> rusqlite::Result<QueueCounts> {
    let n = |i| r.get::<_, i64>(i).map(|v| u64::try_from(v).unwrap_or(0));
    Ok(QueueCounts {
        pending: n(0)?,
        retrying: n(1)?,
        failed: n(2)?,
    })
}

impl Webhooks for SqliteTx<'_> {
    fn insert_webhook(&mut self, w: &Webhook) -> StoreResult<()> {
        let events = serde_json::to_string(&w.events).expect("strings serialise");
        self.exec(
            &format!(
                "INSERT INTO webhooks ({HOOK_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
            ),
            params![
                w.id.to_string(),
                w.org_id.to_string(),
                w.scope.as_str(),
                w.url,
                events,
                w.secret,
                timestamp(w.created_at),
                w.created_by.to_string(),
                w.cursor,
                w.failing_since.map(timestamp),
                w.disabled_at.map(timestamp),
            ],
        )
        .map(drop)
    }

    fn webhook(&mut self, id: Uuid) -> StoreResult<Option<Webhook>> {
        self.one(
            &format!("SELECT {HOOK_COLS} FROM webhooks WHERE id = ?1"),
            [id.to_string()],
            hook_row,
        )
    }

    fn webhooks_of(&mut self, org: saps_core::OrgId) -> StoreResult<Vec<Webhook>> {
        self.all(
            &format!("SELECT {HOOK_COLS} FROM webhooks WHERE org_id = ?1 ORDER BY created_at, id"),
            [org.to_string()],
            hook_row,
        )
    }

    fn active_webhooks(&mut self) -> StoreResult<Vec<Webhook>> {
        self.all(
            &format!(
                "SELECT {HOOK_COLS} FROM webhooks WHERE disabled_at IS NULL ORDER BY created_at, id"
            ),
            [],
            hook_row,
        )
    }

    fn delete_webhook(&mut self, id: Uuid) -> StoreResult<bool> {
        let id = id.to_string();
        self.exec("DELETE FROM webhook_attempts WHERE webhook_id = ?1", [&id])?;
        self.exec(
            "DELETE FROM webhook_deliveries WHERE webhook_id = ?1",
            [&id],
        )?;
        Ok(self.exec("DELETE FROM webhooks WHERE id = ?1", [&id])? == 1)
    }

    fn advance_webhook_cursor(&mut self, id: Uuid, from: i64, to: i64) -> StoreResult<bool> {
        Ok(self.exec(
            "UPDATE webhooks SET cursor = ?3 WHERE id = ?1 AND cursor = ?2",
            params![id.to_string(), from, to],
        )? == 1)
    }

    fn enqueue_delivery(&mut self, d: &WebhookDelivery) -> StoreResult<bool> {
        Ok(self.exec(
            &format!(
                "INSERT INTO webhook_deliveries ({DELIVERY_COLS}) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING"
            ),
            params![
                d.id.to_string(),
                d.webhook_id.to_string(),
                d.message_id,
                d.kind,
                d.body,
                timestamp(d.created_at),
                d.status.as_str(),
                d.attempts,
                d.next_attempt_at.map(timestamp),
            ],
        )? == 1)
    }

    fn lease_deliveries(
        &mut self,
        now: jiff::Timestamp,
        until: jiff::Timestamp,
        holder: &str,
        limit: u32,
    ) -> StoreResult<Vec<WebhookDelivery>> {
        // The single writer makes select-then-update atomic.
        let now = timestamp(now);
        let due = self.all(
            &format!(
                "SELECT {} FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
                 WHERE d.status = 'pending' AND w.disabled_at IS NULL AND d.next_attempt_at <= ?1 \
                 AND (d.leased_until IS NULL OR d.leased_until < ?1) \
                 ORDER BY d.next_attempt_at, d.id LIMIT ?2",
                DELIVERY_COLS
                    .split(", ")
                    .map(|c| format!("d.{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            params![now, limit],
            delivery_row,
        )?;
        let until = timestamp(until);
        for d in &due {
            self.exec(
                "UPDATE webhook_deliveries SET lease_holder = ?2, leased_until = ?3 WHERE id = ?1",
                params![d.id.to_string(), holder, until],
            )?;
        }
        Ok(due)
    }

    fn record_attempt(
        &mut self,
        a: &DeliveryAttempt,
        holder: &str,
        update: DeliveryUpdate,
    ) -> StoreResult<bool> {
        let changed = self.exec(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?3, \
             next_attempt_at = ?4, lease_holder = NULL, leased_until = NULL \
             WHERE id = ?1 AND lease_holder = ?2",
            params![
                a.delivery_id.to_string(),
                holder,
                update.status.as_str(),
                update.next_attempt_at.map(timestamp),
            ],
        )?;
        if changed == 0 {
            return Ok(false);
        }
        self.exec(
            "INSERT INTO webhook_attempts (id, delivery_id, webhook_id, at, outcome, status_code, error) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                a.id.to_string(),
                a.delivery_id.to_string(),
                a.webhook_id.to_string(),
                timestamp(a.at),
                a.outcome,
                a.status_code,
                a.error,
            ],
        )?;
        Ok(true)
    }

    fn note_webhook_result(&mut self, id: Uuid, ok: bool, at: jiff::Timestamp) -> StoreResult<()> {
        if ok {
            self.exec(
                "UPDATE webhooks SET failing_since = NULL WHERE id = ?1 AND failing_since IS NOT NULL",
                [id.to_string()],
            )
        } else {
            self.exec(
                "UPDATE webhooks SET failing_since = ?2 WHERE id = ?1 AND failing_since IS NULL",
                params![id.to_string(), timestamp(at)],
            )
        }
        .map(drop)
    }

    fn disable_webhook(&mut self, id: Uuid, at: jiff::Timestamp) -> StoreResult<bool> {
        Ok(self.exec(
            "UPDATE webhooks SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL",
            params![id.to_string(), timestamp(at)],
        )? == 1)
    }

    fn webhook_attempts(&mut self, id: Uuid, limit: u32) -> StoreResult<Vec<LoggedAttempt>> {
        self.all(
            "SELECT a.id, a.delivery_id, a.webhook_id, a.at, a.outcome, a.status_code, a.error, \
             d.message_id, d.kind, d.status \
             FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id \
             WHERE a.webhook_id = ?1 ORDER BY a.at DESC, a.id DESC LIMIT ?2",
            params![id.to_string(), limit],
            |r| {
                Ok(LoggedAttempt {
                    attempt: DeliveryAttempt {
                        id: col(r, 0)?,
                        delivery_id: col(r, 1)?,
                        webhook_id: col(r, 2)?,
                        at: col(r, 3)?,
                        outcome: r.get(4)?,
                        status_code: r.get(5)?,
                        error: r.get(6)?,
                    },
                    message_id: r.get(7)?,
                    kind: r.get(8)?,
                    delivery_status: enum_col(r, 9, DeliveryStatus::parse)?,
                })
            },
        )
    }

    fn webhook_deliveries(&mut self, id: Uuid, limit: u32) -> StoreResult<Vec<WebhookDelivery>> {
        self.all(
            &format!(
                "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE webhook_id = ?1 \
                 ORDER BY created_at DESC, id DESC LIMIT ?2"
            ),
            params![id.to_string(), limit],
            delivery_row,
        )
    }

    fn last_event_seq(&mut self) -> StoreResult<i64> {
        Ok(self
            .one("SELECT COALESCE(MAX(seq), 0) FROM events", [], |r| r.get(0))?
            .unwrap_or(0))
    }

    fn webhook_queue_counts(&mut self) -> StoreResult<QueueCounts> {
        self.one(
            "SELECT COALESCE(SUM(status = 'pending'), 0), \
             COALESCE(SUM(status = 'pending' AND attempts > 0), 0), \
             COALESCE(SUM(status = 'failed'), 0) FROM webhook_deliveries",
            [],
            counts,
        )
        .map(Option::unwrap_or_default)
    }

    fn mail_queue_counts(&mut self) -> StoreResult<QueueCounts> {
        self.one(
            "SELECT COALESCE(SUM(sent_at IS NULL AND attempts < 10), 0), \
             COALESCE(SUM(sent_at IS NULL AND attempts > 0 AND attempts < 10), 0), \
             COALESCE(SUM(sent_at IS NULL AND attempts >= 10), 0) FROM outbox",
            [],
            counts,
        )
        .map(Option::unwrap_or_default)
    }
}
