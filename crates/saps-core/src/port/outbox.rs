//! The outbox: mail queued with the change that caused it, delivered later.

use super::StoreResult;
use jiff::Timestamp;

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

/// The mail outbox.
pub trait Outbox {
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
