//! Webhooks: organisations subscribe URLs to event kinds; a job queues each
//! new journal event an organisation may see for its subscriptions (one
//! delivery per event and subscription, a unique key), and sends the due
//! deliveries, each leased to the node sending it, signed per Standard
//! Webhooks, retried with backoff for a day; a subscription failing for a day
//! is disabled and its owner e-mailed.
//!
//! Addresses are checked when the URL is given and again when connecting:
//! the client's resolver refuses private addresses (unless allowed) and the
//! connection goes to the address it checked, so a name that changes its
//! answer between the two (DNS rebinding) cannot reach inside.

use crate::App;
use jiff::{SignedDuration, Timestamp};
use saps_core::authz::{Action, Resource, authorize};
use saps_core::port::{
    DeliveryAttempt, DeliveryStatus, DeliveryUpdate, LoggedAttempt, Webhook, WebhookDelivery,
    WebhookScope,
};
use saps_core::webhook::{self as rules, AttemptOutcome};
use saps_core::{Actor, Entity, Error, NewEvent, Role, StoreError};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use uuid::Uuid;

/// How long one attempt may take before it counts as failed.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a node holds a delivery it is sending.
const DELIVERY_LEASE: SignedDuration = SignedDuration::from_secs(60);
/// Deliveries leased per batch (sent concurrently).
const BATCH: u32 = 500;
/// Journal events read per subscription and step.
const QUEUE_STEP: u32 = 500;

/// This node's webhook sender: the HTTP client and whether private
/// addresses may be reached.
pub struct WebhookSender {
    allow_private: Arc<AtomicBool>,
    client: reqwest::Client,
}

impl Default for WebhookSender {
    fn default() -> Self {
        Self::new(false)
    }
}

/// Makes rustls with the ring provider (the one SMTP's TLS already brings)
/// the process's TLS provider, which every HTTP client (webhooks, the bench's
/// clients) needs before it is built. Idempotent: a second install is refused
/// and changes nothing.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

impl WebhookSender {
    pub fn new(allow_private: bool) -> Self {
        let allow_private = Arc::new(AtomicBool::new(allow_private));
        install_tls_provider();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(ATTEMPT_TIMEOUT)
            .connect_timeout(ATTEMPT_TIMEOUT)
            .no_proxy()
            .user_agent("saps-webhooks")
            .dns_resolver(Arc::new(CheckedResolver {
                allow_private: allow_private.clone(),
            }))
            .build()
            .expect("the webhook client builds");
        Self {
            allow_private,
            client,
        }
    }

    pub fn allow_private(&self) -> bool {
        self.allow_private.load(Ordering::Relaxed)
    }

    /// Tests and the demo reach receivers on loopback.
    pub fn set_allow_private(&self, allow: bool) {
        self.allow_private.store(allow, Ordering::Relaxed);
    }
}

/// Resolves a host and refuses it when an address is private (unless
/// allowed); the connection is made to the addresses it returns.
struct CheckedResolver {
    allow_private: Arc<AtomicBool>,
}

impl reqwest::dns::Resolve for CheckedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow = self.allow_private.load(Ordering::Relaxed);
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let ips: Vec<IpAddr> = addrs.iter().map(|a| a.ip()).collect();
            rules::check_addresses(&ips, allow).map_err(|e| e.to_string())?;
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Resolves a URL's host (an IP literal as itself).
async fn resolve(url: &url::Url) -> Result<Vec<IpAddr>, Error> {
    let unresolved = || Error::invalid("url", "the URL's host does not resolve");
    match url.host() {
        Some(url::Host::Ipv4(ip)) => Ok(vec![IpAddr::V4(ip)]),
        Some(url::Host::Ipv6(ip)) => Ok(vec![IpAddr::V6(ip)]),
        Some(url::Host::Domain(d)) => {
            let lookup = tokio::time::timeout(
                Duration::from_secs(5),
                tokio::net::lookup_host((d, url.port_or_known_default().unwrap_or(80))),
            )
            .await
            .map_err(|_| unresolved())?
            .map_err(|_| unresolved())?;
            Ok(lookup.map(|a| a.ip()).collect())
        }
        None => Err(unresolved()),
    }
}

/// A subscription as its owner sees it (never with its secret).
#[derive(Clone, Debug, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookView {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<String>,
    /// `active`, `failing` (every attempt failed since `failing_since`) or `disabled`.
    pub status: String,
    pub created_at: Timestamp,
    pub failing_since: Option<Timestamp>,
    pub disabled_at: Option<Timestamp>,
}

impl From<&Webhook> for WebhookView {
    fn from(w: &Webhook) -> Self {
        let status = if w.disabled_at.is_some() {
            "disabled"
        } else if w.failing_since.is_some() {
            "failing"
        } else {
            "active"
        };
        Self {
            id: w.id,
            url: w.url.clone(),
            events: w.events.clone(),
            status: status.into(),
            created_at: w.created_at,
            failing_since: w.failing_since,
            disabled_at: w.disabled_at,
        }
    }
}

/// A new subscription, with its secret (shown this once).
#[derive(Clone, Debug, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedWebhook {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<String>,
    /// `whsec_` and the base64 key: verify each delivery's signature with it.
    pub secret: String,
}

/// One attempt in a subscription's delivery log.
#[derive(Clone, Debug, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttemptView {
    /// The delivery's `webhook-id` (the event's id; `test_…` for a test event).
    pub message_id: String,
    pub kind: String,
    pub at: Timestamp,
    /// `delivered`, `refused` (an answer other than 2xx) or `failed` (no answer).
    pub outcome: String,
    /// The receiver's HTTP status, if it answered.
    pub status_code: Option<u16>,
    pub error: Option<String>,
    /// Where the delivery stands now: `pending` (to be retried), `delivered` or `failed`.
    pub delivery_status: String,
}

impl From<LoggedAttempt> for AttemptView {
    fn from(l: LoggedAttempt) -> Self {
        Self {
            message_id: l.message_id,
            kind: l.kind,
            at: l.attempt.at,
            outcome: l.attempt.outcome,
            status_code: l.attempt.status_code,
            error: l.attempt.error,
            delivery_status: l.delivery_status.as_str().into(),
        }
    }
}

/// A delivery waiting or done, for the delivery log.
#[derive(Clone, Debug, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryView {
    pub message_id: String,
    pub kind: String,
    pub created_at: Timestamp,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: u32,
    pub next_attempt_at: Option<Timestamp>,
}

impl From<WebhookDelivery> for DeliveryView {
    fn from(d: WebhookDelivery) -> Self {
        Self {
            message_id: d.message_id,
            kind: d.kind,
            created_at: d.created_at,
            status: d.status.as_str().into(),
            attempts: d.attempts,
            next_attempt_at: d.next_attempt_at,
        }
    }
}

/// The scope a subscriber's organisation reads the journal with.
fn subscriber_scope(actor: &Actor) -> Result<WebhookScope, Error> {
    authorize(actor, Action::ManageWebhooks, Resource::Program)?;
    Ok(match actor.role {
        Role::Operator => WebhookScope::All,
        Role::GlobalAdmin => WebhookScope::Partner,
        _ => WebhookScope::Customer,
    })
}

/// An event about a subscription, visible to its organisation.
fn webhook_event(
    body: impl Into<saps_core::EventBody>,
    scope: WebhookScope,
    org: saps_core::OrgId,
    at: Timestamp,
    actor: Option<saps_core::UserId>,
    version: u32,
) -> NewEvent {
    let e = NewEvent::new(body, at, actor, version);
    match scope {
        WebhookScope::All => e,
        WebhookScope::Customer => e.customer(org),
        WebhookScope::Partner => e.partner(org),
    }
}

/// What one delivery pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub queued: u64,
    pub delivered: u64,
    pub failed_attempts: u64,
    pub disabled: u64,
}

impl App {
    /// Subscribes the actor's organisation to event kinds at a URL.
    pub async fn create_webhook(
        &self,
        actor: &Actor,
        url: &str,
        events: &[String],
    ) -> Result<CreatedWebhook, Error> {
        let scope = subscriber_scope(actor)?;
        let parsed = rules::check_url(url)?;
        let events = rules::check_kinds(events)?;
        let ips = resolve(&parsed).await?;
        rules::check_addresses(&ips, self.webhook_sender.allow_private())?;
        let secret = rules::secret_from_bytes(&rand::random::<[u8; rules::SECRET_BYTES]>());
        let now = self.now();
        let (org, user, version) = (actor.org_id, actor.user_id, self.program().version);
        let webhook = Webhook {
            id: Uuid::now_v7(),
            org_id: org,
            scope,
            url: parsed.to_string(),
            events,
            secret,
            created_at: now,
            created_by: user,
            cursor: 0,
            failing_since: None,
            disabled_at: None,
        };
        let w = webhook.clone();
        self.write(move |tx| {
            let created = saps_core::event::WebhookCreated {
                webhook_id: w.id,
                org_id: org,
                url: w.url.clone(),
                events: w.events.clone(),
            };
            tx.append_event(&webhook_event(
                created,
                scope,
                org,
                now,
                Some(user),
                version,
            ))?;
            // It hears of what happens from now on.
            let cursor = tx.last_event_seq()?;
            tx.insert_webhook(&Webhook {
                cursor,
                ..w.clone()
            })?;
            Ok(())
        })
        .await?;
        Ok(CreatedWebhook {
            id: webhook.id,
            url: webhook.url,
            events: webhook.events,
            secret: webhook.secret,
        })
    }

    /// The actor's organisation's subscriptions.
    pub async fn webhooks(&self, actor: &Actor) -> Result<Vec<WebhookView>, Error> {
        subscriber_scope(actor)?;
        let org = actor.org_id;
        let hooks = self.read(move |tx| Ok(tx.webhooks_of(org)?)).await?;
        Ok(hooks.iter().map(WebhookView::from).collect())
    }

    /// One of the actor's organisation's subscriptions (another's is not found).
    async fn own_webhook(&self, actor: &Actor, id: Uuid) -> Result<Webhook, Error> {
        subscriber_scope(actor)?;
        let org = actor.org_id;
        self.read(move |tx| Ok(tx.webhook(id)?))
            .await?
            .filter(|w| w.org_id == org)
            .ok_or(Error::NotFound(Entity::Webhook))
    }

    pub async fn webhook(&self, actor: &Actor, id: Uuid) -> Result<WebhookView, Error> {
        Ok(WebhookView::from(&self.own_webhook(actor, id).await?))
    }

    /// Removes a subscription with its deliveries and log.
    pub async fn delete_webhook(&self, actor: &Actor, id: Uuid) -> Result<(), Error> {
        let w = self.own_webhook(actor, id).await?;
        let (now, user, version) = (self.now(), actor.user_id, self.program().version);
        self.write(move |tx| {
            if !tx.delete_webhook(w.id)? {
                return Err(Error::NotFound(Entity::Webhook));
            }
            let deleted = saps_core::event::WebhookDeleted {
                webhook_id: w.id,
                org_id: w.org_id,
            };
            tx.append_event(&webhook_event(
                deleted,
                w.scope,
                w.org_id,
                now,
                Some(user),
                version,
            ))?;
            Ok(())
        })
        .await
    }

    /// A subscription's latest attempts (newest first) and deliveries.
    pub async fn webhook_log(
        &self,
        actor: &Actor,
        id: Uuid,
        limit: u32,
    ) -> Result<(Vec<AttemptView>, Vec<DeliveryView>), Error> {
        let w = self.own_webhook(actor, id).await?;
        let (attempts, deliveries) = self
            .read(move |tx| {
                Ok((
                    tx.webhook_attempts(w.id, limit)?,
                    tx.webhook_deliveries(w.id, limit)?,
                ))
            })
            .await?;
        Ok((
            attempts.into_iter().map(AttemptView::from).collect(),
            deliveries.into_iter().map(DeliveryView::from).collect(),
        ))
    }

    /// Queues a test event for a subscription (sent by the next pass, like
    /// any delivery); returns its message id.
    pub async fn send_test_webhook(&self, actor: &Actor, id: Uuid) -> Result<String, Error> {
        let w = self.own_webhook(actor, id).await?;
        let now = Timestamp::now();
        let message_id = format!("test_{}", Uuid::now_v7().simple());
        let body = serde_json::json!({
            "kind": rules::TEST_KIND,
            "id": message_id,
            "at": self.now(),
            "payload": {"webhook_id": w.id, "url": w.url},
        })
        .to_string();
        let delivery = WebhookDelivery {
            id: Uuid::now_v7(),
            webhook_id: w.id,
            message_id: message_id.clone(),
            kind: rules::TEST_KIND.into(),
            body,
            created_at: now,
            status: DeliveryStatus::Pending,
            attempts: 0,
            next_attempt_at: Some(now),
        };
        self.write(move |tx| Ok(tx.enqueue_delivery(&delivery)?))
            .await?;
        Ok(message_id)
    }

    /// The job: queue new events, then send what is due (real time).
    pub async fn deliver_webhooks(&self) -> Result<u64, Error> {
        let r = self.deliver_webhooks_at(Timestamp::now()).await?;
        Ok(r.delivered)
    }

    /// One pass as of `now` (real time; tests pass a later instant to reach
    /// retries and the disabling without waiting).
    pub async fn deliver_webhooks_at(&self, now: Timestamp) -> Result<DeliveryReport, Error> {
        let mut report = DeliveryReport {
            queued: self.queue_webhook_events(now).await?,
            ..DeliveryReport::default()
        };
        // Drain what is due, a batch at a time, a bounded number of batches.
        let hooks = self.read(|tx| Ok(tx.active_webhooks()?)).await?;
        for _ in 0..50 {
            let (n, batch) = self.send_due_deliveries(now, &hooks).await?;
            report.delivered += batch.delivered;
            report.failed_attempts += batch.failed_attempts;
            if n < BATCH as usize {
                break;
            }
        }
        // Whatever failed for a day, whether or not it was tried just now.
        let hooks = self.read(|tx| Ok(tx.active_webhooks()?)).await?;
        for w in hooks
            .iter()
            .filter(|w| rules::should_disable(w.failing_since, now))
        {
            if self.disable_if_failing(w.id, now).await? {
                report.disabled += 1;
            }
        }
        Ok(report)
    }

    /// Queues, for every active subscription, the events after its cursor
    /// that its organisation may see and it subscribed to.
    async fn queue_webhook_events(&self, now: Timestamp) -> Result<u64, Error> {
        let hooks = self.read(|tx| Ok(tx.active_webhooks()?)).await?;
        let mut queued = 0;
        for w in hooks {
            loop {
                let w = w.clone();
                let (n, read) = self
                    .write(move |tx| {
                        let cursor = tx.webhook(w.id)?.map_or(i64::MAX, |c| c.cursor);
                        if cursor == i64::MAX {
                            return Ok((0, 0));
                        }
                        let scope = w.scope.journal_scope(w.org_id);
                        let events = tx.events_after(scope, cursor, QUEUE_STEP)?;
                        let Some(last) = events.last().map(|e| e.seq) else {
                            return Ok((0, 0));
                        };
                        let mut n = 0;
                        for e in events.iter().filter(|e| w.events.contains(&e.kind)) {
                            let delivery = WebhookDelivery {
                                id: Uuid::now_v7(),
                                webhook_id: w.id,
                                message_id: e.id.to_string(),
                                kind: e.kind.clone(),
                                body: serde_json::to_string(e).expect("an event serialises"),
                                created_at: now,
                                status: DeliveryStatus::Pending,
                                attempts: 0,
                                next_attempt_at: Some(now),
                            };
                            n += u64::from(tx.enqueue_delivery(&delivery)?);
                        }
                        // Another node may have moved it: what it queued is
                        // the same (the unique key), so nothing is lost.
                        if !tx.advance_webhook_cursor(w.id, cursor, last)? {
                            return Err(StoreError::Stale.into());
                        }
                        Ok((n, events.len()))
                    })
                    .await
                    .or_else(|e| match e {
                        Error::Store(StoreError::Stale) => Ok((0, 0)),
                        e => Err(e),
                    })?;
                queued += n;
                metrics::counter!("saps_webhook_deliveries_queued_total").increment(n);
                if read < QUEUE_STEP as usize {
                    break;
                }
            }
        }
        Ok(queued)
    }

    /// Leases a batch of due deliveries, sends them at once, records each
    /// attempt; returns how many were leased.
    async fn send_due_deliveries(
        &self,
        now: Timestamp,
        hooks: &[Webhook],
    ) -> Result<(usize, DeliveryReport), Error> {
        let holder = self.node.clone();
        let h = holder.clone();
        let until = now + DELIVERY_LEASE;
        let leased = self
            .write(move |tx| Ok(tx.lease_deliveries(now, until, &h, BATCH)?))
            .await?;
        let n = leased.len();
        if n == 0 {
            return Ok((0, DeliveryReport::default()));
        }
        let mut tasks = tokio::task::JoinSet::new();
        for d in leased {
            let Some(w) = hooks.iter().find(|w| w.id == d.webhook_id).cloned() else {
                continue;
            };
            let client = self.webhook_sender.client.clone();
            let allow = self.webhook_sender.allow_private();
            tasks.spawn(async move {
                let started = std::time::Instant::now();
                let outcome = send(&client, allow, &w, &d).await;
                metrics::histogram!("saps_webhook_attempt_seconds")
                    .record(started.elapsed().as_secs_f64());
                (d, outcome)
            });
        }
        let mut results = Vec::with_capacity(n);
        while let Some(r) = tasks.join_next().await {
            match r {
                Ok(r) => results.push(r),
                Err(e) => tracing::error!(error = %e, "a webhook send panicked"),
            }
        }
        let mut report = DeliveryReport::default();
        for (d, o) in &results {
            metrics::counter!("saps_webhook_deliveries_total", "outcome" => o.label()).increment(1);
            if o.delivered() {
                report.delivered += 1;
                // Lag from queueing to delivery, in milliseconds.
                let lag = Timestamp::now().duration_since(d.created_at).as_secs_f64();
                metrics::histogram!("saps_webhook_delivery_lag_seconds").record(lag.max(0.0));
            } else {
                report.failed_attempts += 1;
                tracing::info!(webhook = %d.webhook_id, message = %d.message_id, outcome = ?o,
                    "webhook attempt failed");
            }
        }
        self.write(move |tx| {
            for (d, o) in &results {
                let attempts = d.attempts + 1;
                let update = if o.delivered() {
                    DeliveryUpdate {
                        status: DeliveryStatus::Delivered,
                        next_attempt_at: None,
                    }
                } else {
                    let next = rules::next_attempt(attempts, now);
                    DeliveryUpdate {
                        status: if next.is_some() {
                            DeliveryStatus::Pending
                        } else {
                            DeliveryStatus::Failed
                        },
                        next_attempt_at: next,
                    }
                };
                let attempt = DeliveryAttempt {
                    id: Uuid::now_v7(),
                    delivery_id: d.id,
                    webhook_id: d.webhook_id,
                    at: now,
                    outcome: o.label().into(),
                    status_code: o.status(),
                    error: match o {
                        AttemptOutcome::Failed { error } => Some(error.clone()),
                        _ => None,
                    },
                };
                if tx.record_attempt(&attempt, &holder, update)? {
                    tx.note_webhook_result(d.webhook_id, o.delivered(), now)?;
                }
            }
            Ok(())
        })
        .await?;
        Ok((n, report))
    }

    /// Disables a subscription whose every attempt failed for a day, with
    /// an event and a mail to whoever subscribed it.
    async fn disable_if_failing(&self, id: Uuid, now: Timestamp) -> Result<bool, Error> {
        let (version, public_url) = (self.program().version, self.settings.public_url.clone());
        let at = self.now();
        self.write(move |tx| {
            let Some(w) = tx.webhook(id)? else {
                return Ok(false);
            };
            let Some(since) = w.failing_since else {
                return Ok(false);
            };
            if w.disabled_at.is_some() || !rules::should_disable(Some(since), now) {
                return Ok(false);
            }
            if !tx.disable_webhook(id, now)? {
                return Ok(false);
            }
            let disabled = saps_core::event::WebhookDisabled {
                webhook_id: id,
                org_id: w.org_id,
                failing_since: since,
            };
            tx.append_event(&webhook_event(
                disabled, w.scope, w.org_id, at, None, version,
            ))?;
            if let Some(owner) = tx.user(w.created_by)?.filter(|u| !u.disabled) {
                let draft = crate::mail::text::Draft::new(
                    "webhook-disabled",
                    format!("{public_url}/webhooks"),
                )
                .arg("url", w.url.clone())
                .fact("mail-webhook-url", w.url.clone())
                .fact("mail-failing-since", saps_core::program_date(since));
                crate::mail::queue(tx, &owner.email, owner.locale, &draft, at)?;
            }
            Ok(true)
        })
        .await
    }
}

/// Sends one delivery: checks the address again (an IP literal here, a name
/// in the client's resolver), signs, POSTs, never follows a redirect.
async fn send(
    client: &reqwest::Client,
    allow_private: bool,
    w: &Webhook,
    d: &WebhookDelivery,
) -> AttemptOutcome {
    let failed = |error: String| AttemptOutcome::Failed { error };
    let url = match rules::check_url(&w.url) {
        Ok(u) => u,
        Err(e) => return failed(e.to_string()),
    };
    let literal = match url.host() {
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        _ => None,
    };
    if let Some(ip) = literal
        && let Err(e) = rules::check_addresses(&[ip], allow_private)
    {
        return failed(e.to_string());
    }
    let key = match rules::secret_key(&w.secret) {
        Ok(k) => k,
        Err(e) => return failed(e.to_string()),
    };
    let ts = Timestamp::now().as_second();
    let signature = rules::signature(&key, &d.message_id, ts, d.body.as_bytes());
    let request = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &d.message_id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", signature)
        .body(d.body.clone());
    match request.send().await {
        Ok(resp) => AttemptOutcome::from_status(resp.status().as_u16()),
        Err(e) => {
            // The whole chain: "error sending request" alone says nothing.
            let mut msg = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                source = s.source();
            }
            failed(msg)
        }
    }
}
