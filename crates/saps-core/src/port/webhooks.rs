//! Webhook subscriptions, their deliveries (one per event and subscription,
//! leased to the node sending it) and the log of attempts; and the read-only
//! counts `/metrics` shows.

use super::StoreResult;
use crate::ids::{OrgId, UserId};
use jiff::Timestamp;
use uuid::Uuid;

/// Whose journal a subscription reads: the subscribing organisation's share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebhookScope {
    /// The operator: everything.
    All,
    Customer,
    Partner,
}

impl WebhookScope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Customer => "customer",
            Self::Partner => "partner",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::All, Self::Customer, Self::Partner]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// The journal scope of an organisation subscribing with this scope.
    pub fn journal_scope(self, org: OrgId) -> crate::Scope {
        match self {
            Self::All => crate::Scope::All,
            Self::Customer => crate::Scope::Customer(org),
            Self::Partner => crate::Scope::Partner(org),
        }
    }
}

/// A subscription of an organisation to event kinds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Webhook {
    pub id: Uuid,
    pub org_id: OrgId,
    pub scope: WebhookScope,
    pub url: String,
    pub events: Vec<String>,
    /// `whsec_…`, kept as issued: signing needs it (see ARCHITECTURE.md).
    pub secret: String,
    pub created_at: Timestamp,
    pub created_by: UserId,
    /// The journal sequence number up to which events were queued for it.
    pub cursor: i64,
    /// Since when every attempt failed (`None`: the last one succeeded).
    pub failing_since: Option<Timestamp>,
    pub disabled_at: Option<Timestamp>,
}

/// Where a delivery stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveryStatus {
    Pending,
    Delivered,
    /// Every try failed; it is not tried again.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Delivered, Self::Failed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One event to send to one subscription.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookDelivery {
    pub id: Uuid,
    pub webhook_id: Uuid,
    /// The `webhook-id` header: the same on every attempt.
    pub message_id: String,
    pub kind: String,
    /// The JSON body, exactly the bytes signed and sent.
    pub body: String,
    pub created_at: Timestamp,
    pub status: DeliveryStatus,
    pub attempts: u32,
    /// When it may be tried (real time); `None` once delivered or failed.
    pub next_attempt_at: Option<Timestamp>,
}

/// One attempt of a delivery, for the delivery log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryAttempt {
    pub id: Uuid,
    pub delivery_id: Uuid,
    pub webhook_id: Uuid,
    pub at: Timestamp,
    /// `delivered`, `refused` (a non-2xx answer) or `failed` (no answer).
    pub outcome: String,
    pub status_code: Option<u16>,
    pub error: Option<String>,
}

/// An attempt in the log, with the delivery it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedAttempt {
    pub attempt: DeliveryAttempt,
    pub message_id: String,
    pub kind: String,
    /// Where the delivery stands now.
    pub delivery_status: DeliveryStatus,
}

/// What an attempt changes in its delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeliveryUpdate {
    pub status: DeliveryStatus,
    pub next_attempt_at: Option<Timestamp>,
}

/// Counts for `/metrics`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueCounts {
    /// Deliveries waiting (webhooks) or mails not sent (outbox).
    pub pending: u64,
    /// Of those, how many failed at least once.
    pub retrying: u64,
    /// Given up on (webhooks: every try failed; outbox: ten failed attempts).
    pub failed: u64,
}

/// Webhook subscriptions and deliveries.
pub trait Webhooks {
    fn insert_webhook(&mut self, webhook: &Webhook) -> StoreResult<()>;
    fn webhook(&mut self, id: Uuid) -> StoreResult<Option<Webhook>>;
    /// An organisation's subscriptions, oldest first.
    fn webhooks_of(&mut self, org: OrgId) -> StoreResult<Vec<Webhook>>;
    /// Subscriptions that are not disabled, oldest first.
    fn active_webhooks(&mut self) -> StoreResult<Vec<Webhook>>;
    /// Removes a subscription with its deliveries and log; whether it existed.
    fn delete_webhook(&mut self, id: Uuid) -> StoreResult<bool>;
    /// Moves the cursor from `from` to `to` if it is still at `from` (a
    /// conditional write); whether it moved.
    fn advance_webhook_cursor(&mut self, id: Uuid, from: i64, to: i64) -> StoreResult<bool>;
    /// Queues a delivery unless one with the same message id exists for the
    /// subscription; whether it was queued.
    fn enqueue_delivery(&mut self, delivery: &WebhookDelivery) -> StoreResult<bool>;
    /// In a write: leases up to `limit` pending deliveries due at `now` of
    /// subscriptions not disabled, whose lease is free or ended before `now`,
    /// to `holder` until `until`. Two nodes leasing at once get disjoint ones.
    fn lease_deliveries(
        &mut self,
        now: Timestamp,
        until: Timestamp,
        holder: &str,
        limit: u32,
    ) -> StoreResult<Vec<WebhookDelivery>>;
    /// Logs an attempt and updates its delivery (and frees its lease) if
    /// `holder` still holds the lease; whether it did.
    fn record_attempt(
        &mut self,
        attempt: &DeliveryAttempt,
        holder: &str,
        update: DeliveryUpdate,
    ) -> StoreResult<bool>;
    /// Notes a subscription's latest result: a success clears
    /// `failing_since`, a failure sets it unless it is set.
    fn note_webhook_result(&mut self, id: Uuid, ok: bool, at: Timestamp) -> StoreResult<()>;
    /// Disables a subscription unless it is; whether it did.
    fn disable_webhook(&mut self, id: Uuid, at: Timestamp) -> StoreResult<bool>;
    /// A subscription's latest attempts, newest first.
    fn webhook_attempts(&mut self, id: Uuid, limit: u32) -> StoreResult<Vec<LoggedAttempt>>;
    /// A subscription's deliveries, newest first.
    fn webhook_deliveries(&mut self, id: Uuid, limit: u32) -> StoreResult<Vec<WebhookDelivery>>;
    /// The highest sequence number of the journal (0 when empty).
    fn last_event_seq(&mut self) -> StoreResult<i64>;
    /// Deliveries of all subscriptions, by status.
    fn webhook_queue_counts(&mut self) -> StoreResult<QueueCounts>;
    /// The mail outbox, read only.
    fn mail_queue_counts(&mut self) -> StoreResult<QueueCounts>;
}
