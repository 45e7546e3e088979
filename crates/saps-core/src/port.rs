//! The storage port: what the use cases need from a database, implemented by
//! the SQLite and PostgreSQL adapters and checked by one contract suite.
//!
//! Use cases are plain functions over a [`Tx`]. A store runs each one inside a
//! transaction (SQLite: one savepoint within a group commit; PostgreSQL: its own
//! transaction, retried on serialization failure), so a use case may be run more
//! than once and must not have side effects outside the `Tx`.

use crate::code::VoucherCode;
use crate::error::{Error, StoreError};
use crate::ids::{AgreementId, LocationId, OrgId, UserId, VoucherId};
use crate::journal::{Event, LedgerEntry, LedgerReason, NewEvent, Scope};
use crate::org::{Location, Org, OrgKind, User};
use crate::voucher::{Agreement, Voucher, VoucherState};
use jiff::Timestamp;
use std::any::Any;

pub use crate::port_jobs::{JobLeases, JobRecord, LeaseRequest};
pub use crate::port_throttle::SignInThrottle;

pub type StoreResult<T> = Result<T, StoreError>;

/// A stored response to a request made with an `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotentResponse {
    pub request_hash: String,
    /// `None` while the first request is still being processed.
    pub status: Option<u16>,
    pub body: Vec<u8>,
}

/// An e-mail waiting in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub id: uuid::Uuid,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub attempts: u32,
}

/// A filter over vouchers, always within a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherQuery {
    pub scope: Scope,
    pub state: Option<VoucherState>,
    /// Keyset cursor: only vouchers whose id is greater.
    pub after: Option<VoucherId>,
    pub limit: u32,
}

/// Totals of an agreement's ledger, by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoolTotals {
    pub by_reason: Vec<(LedgerReason, i64)>,
    pub sum: i64,
}

/// Data access inside one transaction.
pub trait Tx: JobLeases + SignInThrottle {
    // organisations and people
    fn insert_org(&mut self, org: &Org) -> StoreResult<()>;
    fn org(&mut self, id: OrgId) -> StoreResult<Option<Org>>;
    fn orgs(&mut self, kind: OrgKind) -> StoreResult<Vec<Org>>;
    fn set_benefit_active(&mut self, customer: OrgId, active: bool) -> StoreResult<()>;
    fn insert_location(&mut self, location: &Location) -> StoreResult<()>;
    fn location(&mut self, id: LocationId) -> StoreResult<Option<Location>>;
    fn locations(&mut self, partner: OrgId) -> StoreResult<Vec<Location>>;
    /// Fails with `Duplicate("user_email")` when the e-mail is taken.
    fn insert_user(&mut self, user: &User) -> StoreResult<()>;
    fn user(&mut self, id: UserId) -> StoreResult<Option<User>>;
    fn user_by_email(&mut self, email: &str) -> StoreResult<Option<User>>;
    fn users(&mut self, org: OrgId) -> StoreResult<Vec<User>>;
    fn insert_token(&mut self, hash: &str, user: UserId, at: Timestamp) -> StoreResult<()>;
    /// The user behind a token issued after `issued_after` (older tokens have
    /// expired).
    fn user_by_token(&mut self, hash: &str, issued_after: Timestamp) -> StoreResult<Option<User>>;
    /// Revokes a token (sign-out); revoking an unknown token is not an error.
    fn delete_token(&mut self, hash: &str) -> StoreResult<()>;

    // agreements, pools and the ledger
    /// Fails with `Duplicate("agreement_number")` when the customer has that number.
    fn insert_agreement(&mut self, agreement: &Agreement) -> StoreResult<()>;
    fn agreement(&mut self, id: AgreementId) -> StoreResult<Option<Agreement>>;
    fn agreement_by_number(
        &mut self,
        customer: OrgId,
        number: &str,
    ) -> StoreResult<Option<Agreement>>;
    fn agreements(&mut self, customer: OrgId) -> StoreResult<Vec<Agreement>>;
    /// Appends an entry and moves the pool's balance by its delta, refusing
    /// (`Ok(false)`, nothing written) when the balance would go negative.
    fn post_ledger(&mut self, entry: &LedgerEntry) -> StoreResult<bool>;
    fn pool_totals(&mut self, agreement: AgreementId) -> StoreResult<PoolTotals>;

    // vouchers
    /// Fails with `Duplicate("voucher_code")` on a code collision and with
    /// `Duplicate("fifteen_day_engagement")` when the customer already holds a
    /// live 15-day voucher for the same engagement.
    fn insert_voucher(&mut self, voucher: &Voucher) -> StoreResult<()>;
    /// Reads a voucher for update (PostgreSQL locks the row).
    fn voucher_by_code(&mut self, code: &VoucherCode) -> StoreResult<Option<Voucher>>;
    fn voucher(&mut self, id: VoucherId) -> StoreResult<Option<Voucher>>;
    /// Writes `voucher` if the stored version is `voucher.version - 1`;
    /// `Err(Stale)` otherwise.
    fn update_voucher(&mut self, voucher: &Voucher) -> StoreResult<()>;
    fn vouchers(&mut self, query: &VoucherQuery) -> StoreResult<Vec<Voucher>>;
    /// Live (not cancelled, expired or removed) vouchers of a customer for an
    /// engagement and length.
    fn count_live_vouchers(
        &mut self,
        customer: OrgId,
        engagement: &str,
        days: u32,
    ) -> StoreResult<u64>;
    /// Open vouchers whose expiry date is before `today`.
    fn vouchers_expired_before(
        &mut self,
        today: jiff::civil::Date,
        limit: u32,
    ) -> StoreResult<Vec<Voucher>>;
    fn voucher_counts(&mut self, scope: Scope) -> StoreResult<Vec<(VoucherState, u64)>>;

    // the journal
    fn append_event(&mut self, event: &NewEvent) -> StoreResult<i64>;
    fn events_after(&mut self, scope: Scope, after: i64, limit: u32) -> StoreResult<Vec<Event>>;
    fn voucher_events(&mut self, voucher: VoucherId) -> StoreResult<Vec<Event>>;

    // program, idempotency, outbox
    fn program(&mut self) -> StoreResult<Option<serde_json::Value>>;
    fn put_program(&mut self, program: &serde_json::Value) -> StoreResult<()>;
    /// Claims a key for a request: `Ok(None)` when it was free (now pending,
    /// created at `at`), or when it was left pending since before
    /// `stale_before` (its first request died: it is taken over). Otherwise
    /// the stored row.
    fn claim_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        request_hash: &str,
        at: Timestamp,
        stale_before: Timestamp,
    ) -> StoreResult<Option<IdempotentResponse>>;
    /// Deletes completed keys created before `before`; returns how many.
    fn purge_idempotency_keys(&mut self, before: Timestamp) -> StoreResult<u64>;
    fn complete_idempotency_key(
        &mut self,
        user: UserId,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> StoreResult<()>;
    fn release_idempotency_key(&mut self, user: UserId, key: &str) -> StoreResult<()>;
    fn enqueue_mail(&mut self, mail: &OutgoingMail) -> StoreResult<()>;
    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>>;
    /// In a write: leases up to `limit` pending mails (oldest first) whose
    /// lease is free or expired before `now`, until `until`, and returns them.
    /// Two nodes leasing at once get disjoint mails.
    fn lease_mail(
        &mut self,
        now: Timestamp,
        until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMail>>;
    fn mark_mail_sent(&mut self, id: uuid::Uuid, at: Timestamp) -> StoreResult<()>;
    /// Counts a failed attempt and frees the lease for a later try.
    fn mark_mail_failed(&mut self, id: uuid::Uuid) -> StoreResult<()>;
}

/// A unit of work, type-erased so that stores can be used behind `dyn`.
pub type Work = Box<dyn FnMut(&mut dyn Tx) -> Result<Box<dyn Any + Send>, Error> + Send>;
/// Where a store sends the outcome once it is durable (or has failed).
pub type Reply = Box<dyn FnOnce(Result<Box<dyn Any + Send>, Error>) + Send>;

/// A database. Work is queued and its outcome reported through `reply` after
/// commit, so nothing is acknowledged before it is durable.
pub trait Store: Send + Sync + 'static {
    /// Runs `work` in a write transaction; an `Err` from `work` rolls back only
    /// its own changes.
    fn write(&self, work: Work, reply: Reply);
    /// Runs `work` on a read-only snapshot.
    fn read(&self, work: Work, reply: Reply);
    /// Which database this is, for logs and benchmarks.
    fn describe(&self) -> String;
}

fn erase<R, F>(mut f: F) -> Work
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    Box::new(move |tx: &mut dyn Tx| f(tx).map(|r| Box::new(r) as Box<dyn Any + Send>))
}

fn unerase<R: 'static>(r: Result<Box<dyn Any + Send>, Error>) -> Result<R, Error> {
    r.map(|b| {
        *b.downcast::<R>()
            .expect("a store replies with what its work returned")
    })
}

/// Typed, blocking write: for tools and tests that run outside an async runtime.
pub fn write_blocking<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    store.write(erase(f), Box::new(move |r| drop(tx.send(r))));
    unerase(
        rx.recv()
            .unwrap_or_else(|_| Err(StoreError::Backend("the store stopped".into()).into())),
    )
}

/// Typed, blocking read: for tools and tests that run outside an async runtime.
pub fn read_blocking<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    store.read(erase(f), Box::new(move |r| drop(tx.send(r))));
    unerase(
        rx.recv()
            .unwrap_or_else(|_| Err(StoreError::Backend("the store stopped".into()).into())),
    )
}

/// Typed, async write (any executor): resolves once the work is durable.
pub async fn write<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = oneshot();
    store.write(erase(f), Box::new(move |r| tx.send(r)));
    unerase(rx.await)
}

/// Typed, async read (any executor).
pub async fn read<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = oneshot();
    store.read(erase(f), Box::new(move |r| tx.send(r)));
    unerase(rx.await)
}

type Outcome = Result<Box<dyn Any + Send>, Error>;

/// A minimal one-shot channel so the port needs no async runtime.
fn oneshot() -> (OneshotSender, OneshotReceiver) {
    let shared = std::sync::Arc::new(std::sync::Mutex::new(OneshotState::default()));
    (OneshotSender(shared.clone()), OneshotReceiver(shared))
}

#[derive(Default)]
struct OneshotState {
    value: Option<Outcome>,
    dropped: bool,
    waker: Option<std::task::Waker>,
}

struct OneshotSender(std::sync::Arc<std::sync::Mutex<OneshotState>>);
struct OneshotReceiver(std::sync::Arc<std::sync::Mutex<OneshotState>>);

impl OneshotSender {
    fn send(self, v: Outcome) {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        s.value = Some(v);
        if let Some(w) = s.waker.take() {
            w.wake();
        }
    }
}

impl Drop for OneshotSender {
    fn drop(&mut self) {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        s.dropped = true;
        if let Some(w) = s.waker.take() {
            w.wake();
        }
    }
}

impl std::future::Future for OneshotReceiver {
    type Output = Outcome;
    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Outcome> {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = s.value.take() {
            return std::task::Poll::Ready(v);
        }
        if s.dropped {
            return std::task::Poll::Ready(Err(StoreError::Backend(
                "the store dropped the work".into(),
            )
            .into()));
        }
        s.waker = Some(cx.waker().clone());
        std::task::Poll::Pending
    }
}
