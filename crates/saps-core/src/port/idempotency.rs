//! Idempotency keys: a request's claim on its key, then its stored answer.

use super::StoreResult;
use crate::ids::UserId;
use jiff::Timestamp;

/// A stored response to a request made with an `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotentResponse {
    pub request_hash: String,
    /// `None` while the first request is still being processed.
    pub status: Option<u16>,
    pub body: Vec<u8>,
}

/// Idempotency keys, per user.
pub trait Idempotency {
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
}
