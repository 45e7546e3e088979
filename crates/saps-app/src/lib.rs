//! saps use cases: authenticate, authorize, load through the storage port, let
//! `saps-core` decide, persist the outcome with its events in one transaction,
//! and queue side effects (mail) in the outbox.

pub mod auth;
mod cancel_mail;
pub mod clock;
pub mod delivery;
pub mod demo;
mod eligibility;
pub mod email;
mod enrollments;
pub mod exports;
pub mod handoff;
// What only tests and `saps bench` need stays out of the shipped API.
pub mod audit;
pub mod claims;
pub mod conversion;
#[cfg(feature = "testing")]
pub mod fixtures;
pub mod home;
pub mod import;
#[cfg(feature = "testing")]
pub mod invariants;
pub mod invoice;
pub mod jobs;
pub mod lists;
pub mod mail;
pub mod metrics;
mod notifications;
pub mod onboarding;
mod orgs;
pub mod outlook;
mod payment_demo;
pub mod payment_views;
pub mod payments;
pub mod profiles;
mod provider_agreements;
mod records;
pub mod redemption;
pub mod sign_in;
mod sweeps;
mod users;
pub mod views;
mod vouchers;
pub mod webhooks;
pub mod what_if;

pub use orgs::{BenefitView, NewLocation, NewUser, PoolView};
pub use vouchers::{NewVoucherRequest, ReserveInput, VoucherView};

use saps_core::port::{self, Store, Tx};
use saps_core::{Actor, Error, Program};
use std::sync::{Arc, RwLock};

pub use saps_core;

/// How an operator moves a simulated clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockMove {
    /// To the start of a date (back or forward).
    Set(jiff::civil::Date),
    /// Forward by whole days.
    Advance(i64),
}

/// Settings of the application that are not the program's rules.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where the file mail transport writes `.eml` files.
    pub mail_dir: std::path::PathBuf,
    /// The sender of outgoing mail.
    pub mail_from: String,
    /// The public URL of this saps, for links in mail.
    pub public_url: String,
    /// Whether saps runs behind one reverse proxy that appends the client's
    /// address to `X-Forwarded-For` (the sign-in throttle then counts that
    /// address rather than the proxy's).
    pub trusted_proxy: bool,
    /// Where mail goes: `.eml` files in `mail_dir` (the default) or SMTP.
    pub mail_transport: mail::MailTransport,
    /// The wait after a mail's first failed attempt; it doubles with every
    /// further failure (see `mail::backoff`).
    pub mail_retry_base: jiff::SignedDuration,
    /// Whether webhooks may reach loopback, private and link-local addresses
    /// (`--webhooks-allow-private`; the demo and tests, never production).
    pub webhooks_allow_private: bool,
    /// The bearer token `/metrics` asks for on the main address (`None`:
    /// `/metrics` is served only on `--metrics-listen`, if given).
    pub metrics_token: Option<metrics::MetricsToken>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            mail_dir: std::path::PathBuf::from("saps-data/mail"),
            mail_from: "saps <no-reply@saps.invalid>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            trusted_proxy: false,
            mail_transport: mail::MailTransport::File,
            mail_retry_base: jiff::SignedDuration::from_secs(60),
            webhooks_allow_private: false,
            metrics_token: None,
        }
    }
}

/// The application: a store, a clock, the program and settings.
pub struct App {
    pub store: Arc<dyn Store>,
    pub clock: clock::Clock,
    pub settings: Settings,
    program: RwLock<Arc<Program>>,
    /// This node's name in job leases.
    node: String,
    /// When each per-node job last ran here.
    node_runs: std::sync::Mutex<std::collections::HashMap<&'static str, std::time::Instant>>,
    /// The e-mails `saps demo` seeded and asked to list on the sign-in page
    /// (see `demo`); unset everywhere else.
    demo_emails: std::sync::OnceLock<Vec<String>>,
    /// This node's webhook sender.
    pub webhook_sender: webhooks::WebhookSender,
}

impl App {
    /// Builds the application, storing the shipped program on first start.
    pub async fn new(
        store: Arc<dyn Store>,
        clock: clock::Clock,
        settings: Settings,
    ) -> Result<Arc<App>, Error> {
        let program = port::write(&*store, |tx: &mut dyn Tx| {
            if let Some(body) = tx.program()? {
                return serde_json::from_value::<Program>(body).map_err(|e| {
                    Error::invalid("program", format!("the stored program is unreadable: {e}"))
                });
            }
            let p = Program::sa_planning_services();
            tx.put_program(&serde_json::to_value(&p).expect("program serializes"))?;
            Ok(p)
        })
        .await?;
        let webhook_sender = webhooks::WebhookSender::new(settings.webhooks_allow_private);
        Ok(Arc::new(App {
            store,
            clock,
            settings,
            program: RwLock::new(Arc::new(program)),
            node: uuid::Uuid::now_v7().to_string(),
            node_runs: Default::default(),
            demo_emails: Default::default(),
            webhook_sender,
        }))
    }

    pub fn program(&self) -> Arc<Program> {
        self.program
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    pub fn today(&self) -> jiff::civil::Date {
        saps_core::program_date(self.now())
    }

    pub async fn write<R, F>(&self, f: F) -> Result<R, Error>
    where
        R: Send + 'static,
        F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
    {
        port::write(&*self.store, f).await
    }

    /// A long write of many rows (a sweep's batch): see
    /// [`saps_core::port::Store::write_bulk`].
    pub async fn write_bulk<R, F>(&self, f: F) -> Result<R, Error>
    where
        R: Send + 'static,
        F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
    {
        port::write_bulk(&*self.store, f).await
    }

    pub async fn read<R, F>(&self, f: F) -> Result<R, Error>
    where
        R: Send + 'static,
        F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
    {
        port::read(&*self.store, f).await
    }

    // ---- clock and program --------------------------------------------------

    pub fn set_clock(
        &self,
        actor: &Actor,
        date: jiff::civil::Date,
    ) -> Result<jiff::Timestamp, Error> {
        saps_core::authz::authorize(
            actor,
            saps_core::authz::Action::MoveClock,
            saps_core::authz::Resource::Program,
        )?;
        self.clock.set(date).map_err(clock_error)
    }

    pub fn advance_clock(&self, actor: &Actor, days: i64) -> Result<jiff::Timestamp, Error> {
        saps_core::authz::authorize(
            actor,
            saps_core::authz::Action::MoveClock,
            saps_core::authz::Resource::Program,
        )?;
        self.clock.advance(days).map_err(clock_error)
    }

    /// Moves a simulated clock (set to a date, or forward by days), records
    /// the move in the journal, and runs the date-driven jobs the move made
    /// due (expiry, removal of retired days) before it answers.
    pub async fn move_clock(&self, actor: &Actor, to: ClockMove) -> Result<jiff::Timestamp, Error> {
        clock::refuse_backwards(self.today(), to)?;
        let before = self.now();
        let now = match to {
            ClockMove::Set(date) => self.set_clock(actor, date)?,
            ClockMove::Advance(days) => self.advance_clock(actor, days)?,
        };
        let (actor_id, version) = (actor.user_id, self.program().version);
        self.write(move |tx| {
            let moved = saps_core::event::ClockMoved {
                from: before,
                to: now,
            };
            tx.append_event(&saps_core::NewEvent::new(
                moved,
                now,
                Some(actor_id),
                version,
            ))?;
            Ok(())
        })
        .await?;
        self.run_jobs_after_clock_move().await?;
        Ok(now)
    }

    /// Replaces the program's settings and calendar (the catalog is kept when
    /// `offerings` is empty), recording the change in the journal.
    pub async fn put_program(
        &self,
        actor: &Actor,
        mut next: Program,
    ) -> Result<Arc<Program>, Error> {
        saps_core::authz::authorize(
            actor,
            saps_core::authz::Action::ChangeProgram,
            saps_core::authz::Resource::Program,
        )?;
        let current = self.program();
        if next.offerings.is_empty() {
            next.offerings = current.offerings.clone();
        }
        next.version = current.version + 1;
        next.check()
            .map_err(|e| Error::invalid(e.field, e.message))?;
        let now = self.now();
        let actor_id = actor.user_id;
        let body = serde_json::to_value(&next).expect("program serializes");
        self.write(move |tx| {
            tx.put_program(&body)?;
            let changed = saps_core::event::ProgramChanged {
                version: next.version,
            };
            tx.append_event(&saps_core::NewEvent::new(
                changed,
                now,
                Some(actor_id),
                next.version,
            ))?;
            what_if::move_open_expiries(tx, &current, &next, now)?;
            Ok(())
        })
        .await?;
        self.reload_program().await
    }

    /// Re-reads the program from the store (after a change, possibly by another node).
    pub async fn reload_program(&self) -> Result<Arc<Program>, Error> {
        let body = self.read(|tx| Ok(tx.program()?)).await?;
        let p: Program = body
            .map(serde_json::from_value)
            .transpose()
            .map_err(|e| Error::invalid("program", e.to_string()))?
            .unwrap_or_else(Program::sa_planning_services);
        let p = Arc::new(p);
        *self.program.write().unwrap_or_else(|e| e.into_inner()) = p.clone();
        Ok(p)
    }

    /// Events visible to the actor after `after`, oldest first.
    pub async fn events(
        &self,
        actor: &Actor,
        after: i64,
        limit: u32,
    ) -> Result<Vec<saps_core::Event>, Error> {
        let scope = saps_core::authz::scope(actor);
        self.read(move |tx| Ok(tx.events_after(scope, after, limit)?))
            .await
    }

    /// Claims an idempotency key for a request; `Some` is a stored answer.
    pub async fn claim_idempotency_key(
        &self,
        user: saps_core::UserId,
        key: String,
        request_hash: String,
    ) -> Result<Option<port::IdempotentResponse>, Error> {
        // Wall time, not the program clock: a key abandoned by a crashed
        // request may be taken over after a minute, whatever the program date.
        let now = jiff::Timestamp::now();
        let stale_before = now - jiff::SignedDuration::from_secs(60);
        self.write(move |tx| {
            Ok(tx.claim_idempotency_key(user, &key, &request_hash, now, stale_before)?)
        })
        .await
    }

    pub async fn complete_idempotency_key(
        &self,
        user: saps_core::UserId,
        key: String,
        status: u16,
        body: Vec<u8>,
    ) -> Result<(), Error> {
        self.write(move |tx| Ok(tx.complete_idempotency_key(user, &key, status, &body)?))
            .await
    }

    /// Forgets answers to requests older than a day (clients retry within
    /// minutes); returns how many were deleted.
    pub async fn purge_idempotency_keys(&self) -> Result<u64, Error> {
        let before = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24);
        self.write(move |tx| Ok(tx.purge_idempotency_keys(before)?))
            .await
    }

    pub async fn release_idempotency_key(
        &self,
        user: saps_core::UserId,
        key: String,
    ) -> Result<(), Error> {
        self.write(move |tx| Ok(tx.release_idempotency_key(user, &key)?))
            .await
    }
}

/// How long a bearer token or browser session stays valid after sign-in.
pub const TOKEN_LIFETIME: jiff::SignedDuration = jiff::SignedDuration::from_hours(24 * 30);

fn clock_error(e: clock::ClockError) -> Error {
    match e {
        clock::ClockError::NotSimulated => Error::Conflict {
            entity: saps_core::Entity::Clock,
            message: "The server runs on the system clock; only a simulated clock can be moved."
                .into(),
        },
        clock::ClockError::OutOfRange => {
            Error::invalid("advance_days", "that moves the clock out of range")
        }
    }
}
