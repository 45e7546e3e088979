//! The outbox: mail queued with the change that caused it, delivered later,
//! retried with backoff; and the reminders already sent, each once by its key.

use super::StoreResult;
use jiff::Timestamp;

/// An e-mail waiting in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub id: uuid::Uuid,
    pub to: String,
    pub subject: String,
    /// The plain-text part.
    pub body: String,
    /// The HTML alternative, when the mail has one (sent as
    /// `multipart/alternative` with the plain text).
    pub html: Option<String>,
    pub created_at: Timestamp,
    pub attempts: u32,
}

/// Where a mail stands, as the operator's outbox page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailStatus {
    /// Not sent yet, never tried or not failed yet.
    Pending,
    /// Tried and failed; another attempt is scheduled.
    Retrying,
    Sent,
    /// Given up on (a permanent refusal, or too many attempts).
    Failed,
}

/// One mail of the outbox with its delivery history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxEntry {
    pub mail: OutgoingMail,
    pub status: MailStatus,
    pub sent_at: Option<Timestamp>,
    pub next_attempt_at: Option<Timestamp>,
    pub failed_at: Option<Timestamp>,
    pub last_error: Option<String>,
}

/// What a failed delivery attempt leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailRetry {
    /// Try again no earlier than this.
    At(Timestamp),
    /// Give up: the mail is failed as of this instant.
    GiveUp(Timestamp),
}

/// The mail outbox.
pub trait Outbox {
    fn enqueue_mail(&mut self, mail: &OutgoingMail) -> StoreResult<()>;
    fn pending_mail(&mut self, limit: u32) -> StoreResult<Vec<OutgoingMail>>;
    /// In a write: leases up to `limit` pending mails (oldest first) whose
    /// lease is free or expired before `now` and whose next attempt is due by
    /// `now`, until `until`, and returns them. Two nodes leasing at once get
    /// disjoint mails. Failed mails are never leased.
    fn lease_mail(
        &mut self,
        now: Timestamp,
        until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMail>>;
    fn mark_mail_sent(&mut self, id: uuid::Uuid, at: Timestamp) -> StoreResult<()>;
    /// Counts a failed attempt and frees the lease for a later try.
    fn mark_mail_failed(&mut self, id: uuid::Uuid) -> StoreResult<()>;
    /// Counts a failed attempt, keeps its error, frees the lease, and either
    /// schedules the next attempt or gives the mail up.
    fn mark_mail_attempt_failed(
        &mut self,
        id: uuid::Uuid,
        error: &str,
        retry: &MailRetry,
    ) -> StoreResult<()>;
    /// The outbox, newest first: up to `limit` mails with their status.
    fn outbox_entries(&mut self, limit: u32) -> StoreResult<Vec<OutboxEntry>>;
    /// Records that the reminder `key` was sent at `at`; `false` (and nothing
    /// written) when it was recorded before, so a reminder is queued once
    /// whatever the nodes, restarts or clock moves.
    fn record_reminder(&mut self, key: &str, at: Timestamp) -> StoreResult<bool>;
    /// Whether the reminder `key` was recorded (a read, to skip the write).
    fn reminder_recorded(&mut self, key: &str) -> StoreResult<bool>;
}
