//! Webhook subscriptions, deliveries and their log; read-only queue counts.
//! Deliveries are leased with `FOR UPDATE SKIP LOCKED`, so nodes leasing at
//! once take disjoint ones.

use super::*;
use crate::micros;
use saps_core::port::{
    DeliveryAttempt, DeliveryStatus, DeliveryUpdate, LoggedAttempt, QueueCounts, Webhook,
    WebhookDelivery, WebhookScope, Webhooks,
};
use saps_core::{OrgId, UserId};

const HOOK_COLS: &str = "id, org_id, scope, url, events, secret, created_at, created_by, cursor, \
                         failing_since, disabled_at";
const DELIVERY_COLS: &str =
    "id, webhook_id, message_id, kind, body, created_at, status, attempts, next_attempt_at";

fn hook_row(r: &Row) -> StoreResult<Webhook> {
    let events: String = get(r, 4)?;
    Ok(Webhook {
        id: get(r, 0)?,
        org_id: OrgId(get(r, 1)?),
        scope: enum_col(r, 2, WebhookScope::parse)?,
        url: get(r, 3)?,
        events: serde_json::from_str(&events).map_err(corrupt)?,
        secret: get(r, 5)?,
        created_at: get(r, 6)?,
        created_by: UserId(get(r, 7)?),
        cursor: get(r, 8)?,
        failing_since: get(r, 9)?,
        disabled_at: get(r, 10)?,
    })
}

fn delivery_row(r: &Row) -> StoreResult<WebhookDelivery> {
    Ok(WebhookDelivery {
        id: get(r, 0)?,
        webhook_id: get(r, 1)?,
        message_id: get(r, 2)?,
        kind: get(r, 3)?,
        body: get(r, 4)?,
        created_at: get(r, 5)?,
        status: enum_col(r, 6, DeliveryStatus::parse)?,
        attempts: u32_col(r, 7)?,
        next_attempt_at: get(r, 8)?,
    })
}

fn counts(r: &Row) -> StoreResult<QueueCounts> {
    let n = |i| get::<i64>(r, i).map(|v| u64::try_from(v).unwrap_or(0));
    Ok(QueueCounts {
        pending: n(0)?,
        retrying: n(1)?,
        failed: n(2)?,
    })
}

impl Webhooks for PgTx<'_> {
    fn insert_webhook(&mut self, w: &Webhook) -> StoreResult<()> {
        let events = serde_json::to_string(&w.events).expect("strings serialise");
        self.exec(
            &format!(
                "INSERT INTO webhooks ({HOOK_COLS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ),
            &[
                &w.id,
                &w.org_id.0,
                &w.scope.as_str(),
                &w.url,
                &events,
                &w.secret,
                &micros(w.created_at),
                &w.created_by.0,
                &w.cursor,
                &w.failing_since.map(micros),
                &w.disabled_at.map(micros),
            ],
        )
        .map(drop)
    }

    fn webhook(&mut self, id: Uuid) -> StoreResult<Option<Webhook>> {
        self.row(
            &format!("SELECT {HOOK_COLS} FROM webhooks WHERE id = $1"),
            &[&id],
        )?
        .as_ref()
        .map(hook_row)
        .transpose()
    }

    fn webhooks_of(&mut self, org: OrgId) -> StoreResult<Vec<Webhook>> {
        self.rows(
            &format!("SELECT {HOOK_COLS} FROM webhooks WHERE org_id = $1 ORDER BY created_at, id"),
            &[&org.0],
        )?
        .iter()
        .map(hook_row)
        .collect()
    }

    fn active_webhooks(&mut self) -> StoreResult<Vec<Webhook>> {
        self.rows(
            &format!(
                "SELECT {HOOK_COLS} FROM webhooks WHERE disabled_at IS NULL ORDER BY created_at, id"
            ),
            &[],
        )?
        .iter()
        .map(hook_row)
        .collect()
    }

    fn delete_webhook(&mut self, id: Uuid) -> StoreResult<bool> {
        Ok(self.exec("DELETE FROM webhooks WHERE id = $1", &[&id])? == 1)
    }

    fn advance_webhook_cursor(&mut self, id: Uuid, from: i64, to: i64) -> StoreResult<bool> {
        Ok(self.exec(
            "UPDATE webhooks SET cursor = $3 WHERE id = $1 AND cursor = $2",
            &[&id, &from, &to],
        )? == 1)
    }

    fn enqueue_delivery(&mut self, d: &WebhookDelivery) -> StoreResult<bool> {
        let attempts = int(d.attempts, "delivery attempts")?;
        Ok(self.exec(
            &format!(
                "INSERT INTO webhook_deliveries ({DELIVERY_COLS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING"
            ),
            &[
                &d.id,
                &d.webhook_id,
                &d.message_id,
                &d.kind,
                &d.body,
                &micros(d.created_at),
                &d.status.as_str(),
                &attempts,
                &d.next_attempt_at.map(micros),
            ],
        )? == 1)
    }

    fn lease_deliveries(
        &mut self,
        now: Timestamp,
        until: Timestamp,
        holder: &str,
        limit: u32,
    ) -> StoreResult<Vec<WebhookDelivery>> {
        let mut due = self
            .rows(
                &format!(
                    "UPDATE webhook_deliveries SET lease_holder = $3, leased_until = $2 WHERE id IN ( \
                     SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
                     WHERE d.status = 'pending' AND w.disabled_at IS NULL AND d.next_attempt_at <= $1 \
                     AND (d.leased_until IS NULL OR d.leased_until < $1) \
                     ORDER BY d.next_attempt_at, d.id LIMIT $4 FOR UPDATE OF d SKIP LOCKED) \
                     RETURNING {DELIVERY_COLS}"
                ),
                &[&micros(now), &micros(until), &holder, &i64::from(limit)],
            )?
            .iter()
            .map(delivery_row)
            .collect::<StoreResult<Vec<_>>>()?;
        due.sort_by_key(|d| (d.next_attempt_at, d.id));
        Ok(due)
    }

    fn record_attempt(
        &mut self,
        a: &DeliveryAttempt,
        holder: &str,
        update: DeliveryUpdate,
    ) -> StoreResult<bool> {
        let changed = self.exec(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, status = $3, \
             next_attempt_at = $4, lease_holder = NULL, leased_until = NULL \
             WHERE id = $1 AND lease_holder = $2",
            &[
                &a.delivery_id,
                &holder,
                &update.status.as_str(),
                &update.next_attempt_at.map(micros),
            ],
        )?;
        if changed == 0 {
            return Ok(false);
        }
        let status = a.status_code.map(i32::from);
        self.exec(
            "INSERT INTO webhook_attempts (id, delivery_id, webhook_id, at, outcome, status_code, error) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &a.id,
                &a.delivery_id,
                &a.webhook_id,
                &micros(a.at),
                &a.outcome,
                &status,
                &a.error,
            ],
        )?;
        Ok(true)
    }

    fn note_webhook_result(&mut self, id: Uuid, ok: bool, at: Timestamp) -> StoreResult<()> {
        if ok {
            self.exec(
                "UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL",
                &[&id],
            )
        } else {
            self.exec(
                "UPDATE webhooks SET failing_since = $2 WHERE id = $1 AND failing_since IS NULL",
                &[&id, &micros(at)],
            )
        }
        .map(drop)
    }

    fn disable_webhook(&mut self, id: Uuid, at: Timestamp) -> StoreResult<bool> {
        Ok(self.exec(
            "UPDATE webhooks SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL",
            &[&id, &micros(at)],
        )? == 1)
    }

    fn webhook_attempts(&mut self, id: Uuid, limit: u32) -> StoreResult<Vec<LoggedAttempt>> {
        self.rows(
            "SELECT a.id, a.delivery_id, a.webhook_id, a.at, a.outcome, a.status_code, a.error, \
             d.message_id, d.kind, d.status \
             FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id \
             WHERE a.webhook_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT $2",
            &[&id, &i64::from(limit)],
        )?
        .iter()
        .map(|r| {
            let status: Option<i32> = get(r, 5)?;
            Ok(LoggedAttempt {
                attempt: DeliveryAttempt {
                    id: get(r, 0)?,
                    delivery_id: get(r, 1)?,
                    webhook_id: get(r, 2)?,
                    at: get(r, 3)?,
                    outcome: get(r, 4)?,
                    status_code: status.and_then(|s| u16::try_from(s).ok()),
                    error: get(r, 6)?,
                },
                message_id: get(r, 7)?,
                kind: get(r, 8)?,
                delivery_status: enum_col(r, 9, DeliveryStatus::parse)?,
            })
        })
        .collect()
    }

    fn webhook_deliveries(&mut self, id: Uuid, limit: u32) -> StoreResult<Vec<WebhookDelivery>> {
        self.rows(
            &format!(
                "SELECT {DELIVERY_COLS} FROM webhook_deliveries WHERE webhook_id = $1 \
                 ORDER BY created_at DESC, id DESC LIMIT $2"
            ),
            &[&id, &i64::from(limit)],
        )?
        .iter()
        .map(delivery_row)
        .collect()
    }

    fn last_event_seq(&mut self) -> StoreResult<i64> {
        let row = self.row("SELECT COALESCE(MAX(seq), 0) FROM events", &[])?;
        row.as_ref().map_or(Ok(0), |r| get(r, 0))
    }

    fn webhook_queue_counts(&mut self) -> StoreResult<QueueCounts> {
        let row = self.row(
            "SELECT COUNT(*) FILTER (WHERE status = 'pending'), \
             COUNT(*) FILTER (WHERE status = 'pending' AND attempts > 0), \
             COUNT(*) FILTER (WHERE status = 'failed') FROM webhook_deliveries",
            &[],
        )?;
        row.as_ref().map_or(Ok(QueueCounts::default()), counts)
    }

    fn mail_queue_counts(&mut self) -> StoreResult<QueueCounts> {
        let row = self.row(
            "SELECT COUNT(*) FILTER (WHERE sent_at IS NULL AND attempts < 10), \
             COUNT(*) FILTER (WHERE sent_at IS NULL AND attempts > 0 AND attempts < 10), \
             COUNT(*) FILTER (WHERE sent_at IS NULL AND attempts >= 10) FROM outbox",
            &[],
        )?;
        row.as_ref().map_or(Ok(QueueCounts::default()), counts)
    }
}
