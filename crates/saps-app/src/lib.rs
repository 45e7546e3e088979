//! saps use cases: authenticate, authorize, load through the storage port, let
//! `saps-core` decide, persist the outcome with its events in one transaction,
//! and queue side effects (mail) in the outbox.

pub mod auth;
pub mod clock;
pub mod demo;
pub mod fixtures;
pub mod home;
pub mod invariants;
pub mod mail;
mod orgs;
pub mod views;
mod vouchers;

pub use orgs::{BenefitView, NewLocation, NewUser, PoolView};
pub use vouchers::{NewVoucherRequest, ReserveInput, VoucherView};

use saps_core::port::{self, Store, Tx};
use saps_core::{Actor, Error, Program, User};
use std::sync::{Arc, RwLock};

pub use saps_core;

/// Opens the store named by a database URL: a `postgres://` URL, or a path to
/// an SQLite file (optionally `sqlite:` prefixed).
pub fn open_store(database: &str) -> Result<Arc<dyn Store>, Error> {
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        Ok(Arc::new(saps_postgres::PgStore::connect(database)?))
    } else {
        let path = database.strip_prefix("sqlite:").unwrap_or(database);
        let path = path.strip_prefix("//").unwrap_or(path);
        Ok(Arc::new(saps_sqlite::SqliteStore::open(
            std::path::Path::new(path),
        )?))
    }
}

/// Runs migrations only.
pub fn migrate(database: &str) -> Result<(), Error> {
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        Ok(saps_postgres::migrate(database)?)
    } else {
        let path = database.strip_prefix("sqlite:").unwrap_or(database);
        Ok(saps_sqlite::migrate(std::path::Path::new(path))?)
    }
}

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
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            mail_dir: std::path::PathBuf::from("saps-data/mail"),
            mail_from: "saps <no-reply@saps.invalid>".into(),
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}

/// The application: a store, a clock, the program and settings.
pub struct App {
    pub store: Arc<dyn Store>,
    pub clock: clock::Clock,
    pub settings: Settings,
    program: RwLock<Arc<Program>>,
    login_failures: std::sync::Mutex<std::collections::HashMap<String, (u32, jiff::Timestamp)>>,
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
        Ok(Arc::new(App {
            store,
            clock,
            settings,
            program: RwLock::new(Arc::new(program)),
            login_failures: Default::default(),
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

    pub async fn read<R, F>(&self, f: F) -> Result<R, Error>
    where
        R: Send + 'static,
        F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
    {
        port::read(&*self.store, f).await
    }

    // ---- authentication -------------------------------------------------

    /// Exchanges an e-mail and password for a new bearer token (shown once).
    /// Failed attempts per address are throttled: after 5 failures within 15
    /// minutes, further attempts are refused until the window passes.
    pub async fn issue_token(&self, email: &str, password: &str) -> Result<(String, User), Error> {
        let user = self.check_password(email, password).await?;
        let token = auth::new_token();
        let hash = auth::token_hash(&token);
        // Wall time: a token's lifetime is real time, whatever the program date.
        let now = clock::wall_now();
        let uid = user.id;
        self.write(move |tx| Ok(tx.insert_token(&hash, uid, now)?))
            .await?;
        Ok((token, user))
    }

    /// Checks a password, with throttling; used by the token endpoint and the
    /// login form.
    pub async fn check_password(&self, email: &str, password: &str) -> Result<User, Error> {
        let key = email.trim().to_lowercase();
        let wall = jiff::Timestamp::now();
        {
            let failures = self
                .login_failures
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some((n, since)) = failures.get(&key)
                && *n >= 5
                && wall.duration_since(*since).as_secs() < 15 * 60
            {
                return Err(Error::Throttled(
                    "Too many failed sign-ins for this address; try again in 15 minutes.".into(),
                ));
            }
        }
        let lookup = key.clone();
        let user = self.read(move |tx| Ok(tx.user_by_email(&lookup)?)).await?;
        let ok = match &user {
            Some(u) => auth::verify_password(password, &u.password_hash),
            None => {
                // Spend the same time as a real check so timing does not reveal accounts.
                auth::verify_password(
                    password,
                    DUMMY_HASH.get_or_init(|| auth::hash_password("dummy password")),
                );
                false
            }
        };
        let mut failures = self
            .login_failures
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if ok {
            failures.remove(&key);
            Ok(user.expect("checked"))
        } else {
            let e = failures.entry(key).or_insert((0, wall));
            if wall.duration_since(e.1).as_secs() >= 15 * 60 {
                *e = (0, wall);
            }
            e.0 += 1;
            Err(Error::Unauthenticated)
        }
    }

    /// The user behind a bearer token.
    pub async fn authenticate(&self, token: &str) -> Result<User, Error> {
        let hash = auth::token_hash(token);
        let issued_after = jiff::Timestamp::now() - TOKEN_LIFETIME;
        self.read(move |tx| {
            tx.user_by_token(&hash, issued_after)?
                .ok_or(Error::Unauthenticated)
        })
        .await
    }

    /// Revokes a bearer token or browser session.
    pub async fn revoke_token(&self, token: &str) -> Result<(), Error> {
        let hash = auth::token_hash(token);
        self.write(move |tx| Ok(tx.delete_token(&hash)?)).await
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
    /// the move in the journal, and expires what the move made due.
    pub async fn move_clock(&self, actor: &Actor, to: ClockMove) -> Result<jiff::Timestamp, Error> {
        let before = self.now();
        let now = match to {
            ClockMove::Set(date) => self.set_clock(actor, date)?,
            ClockMove::Advance(days) => self.advance_clock(actor, days)?,
        };
        let (actor_id, version) = (actor.user_id, self.program().version);
        self.write(move |tx| {
            tx.append_event(&saps_core::NewEvent::new(
                "clock.moved",
                now,
                Some(actor_id),
                version,
                serde_json::json!({"from": before, "to": now}),
            ))?;
            Ok(())
        })
        .await?;
        self.sweep_expired().await?;
        self.sweep_removed_days().await?;
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
            tx.append_event(&saps_core::NewEvent::new(
                "program.changed",
                now,
                Some(actor_id),
                next.version,
                serde_json::json!({"version": next.version}),
            ))?;
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

static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

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
