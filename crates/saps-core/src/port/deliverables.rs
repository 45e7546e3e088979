//! Completion reports and their deliverable files. File bytes are stored once
//! per SHA-256 (in the database, so every node serves them); a report links to
//! its files by hash with the name it was uploaded under.

use super::StoreResult;
use crate::delivery::{CompletionReport, Deliverable};
use crate::ids::{DeliverableId, VoucherId};

/// Completion reports, deliverable files, and sign-offs.
pub trait Deliverables {
    /// Stores `bytes` under their SHA-256 unless already stored (`sha256` is
    /// the caller's hash of `bytes`). Idempotent.
    fn put_blob(&mut self, sha256: &str, bytes: &[u8]) -> StoreResult<()>;
    /// Stores a report and its file links (its blobs are already stored).
    fn insert_report(&mut self, report: &CompletionReport) -> StoreResult<()>;
    /// The voucher's latest report that was not declined, with its files.
    fn current_report(&mut self, voucher: VoucherId) -> StoreResult<Option<CompletionReport>>;
    /// Records a report's sign-off (its `sign_off`, `signed_off_*` fields).
    fn update_sign_off(&mut self, report: &CompletionReport) -> StoreResult<()>;
    /// A deliverable of any of the voucher's reports, with its bytes.
    fn deliverable(
        &mut self,
        voucher: VoucherId,
        id: DeliverableId,
    ) -> StoreResult<Option<(Deliverable, Vec<u8>)>>;
    /// Reports still awaiting sign-off that were submitted before `before`,
    /// oldest first.
    fn reports_pending_before(
        &mut self,
        before: jiff::Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<CompletionReport>>;
}
