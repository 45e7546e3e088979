//! The journal: events appended in order and read back by scope.

use super::StoreResult;
use crate::chain::{ChainHead, ChainedEvent, JournalFilter, Verification};
use crate::ids::VoucherId;
use crate::journal::{Event, NewEvent, Scope};
use jiff::Timestamp;

/// The journal of events.
pub trait Journal {
    fn append_event(&mut self, event: &NewEvent) -> StoreResult<i64>;
    fn events_after(&mut self, scope: Scope, after: i64, limit: u32) -> StoreResult<Vec<Event>>;
    fn voucher_events(&mut self, voucher: VoucherId) -> StoreResult<Vec<Event>>;

    /// Appends many events in order (a bulk import): the same as appending
    /// each in turn, which is what this default does; stores may batch.
    fn append_events(&mut self, events: &[NewEvent]) -> StoreResult<()> {
        events
            .iter()
            .try_for_each(|e| self.append_event(e).map(drop))
    }

    // The hash chain over the journal (see [`crate::chain`]) and the record
    // of its verifications.

    /// Seals up to `limit` events not sealed yet, in `seq` order, each
    /// chained after the last sealed one; only events no transaction still
    /// in flight can come before. Returns how many it sealed. Sealers
    /// exclude one another; writers never wait for a sealer.
    fn seal_events(&mut self, limit: u32) -> StoreResult<u32>;

    /// The last sealed event.
    fn chain_head(&mut self) -> StoreResult<Option<ChainHead>>;

    /// Every event after `after`, sealed or not, in `seq` order.
    fn chained_events(&mut self, after: i64, limit: u32) -> StoreResult<Vec<ChainedEvent>>;

    /// How many events the journal holds.
    fn event_count(&mut self) -> StoreResult<u64>;

    /// How many events of `kind` come after `after` (by `seq`), and the sum
    /// over them of their payload's top-level `field` where it holds an
    /// integer (`true` counts 1; anything else, or no such field, 0): what a
    /// clock move did, counted without reading each event.
    fn event_totals_after(
        &mut self,
        after: i64,
        kind: &str,
        field: &str,
    ) -> StoreResult<(u64, i64)>;

    /// A page of the journal, newest first.
    fn browse_events(&mut self, filter: &JournalFilter) -> StoreResult<Vec<Event>>;

    /// Records a verification that starts, unless another started after
    /// `stale_before` is still running: then `false`, nothing written.
    fn start_verification(
        &mut self,
        v: &Verification,
        stale_before: Timestamp,
    ) -> StoreResult<bool>;

    /// Records a verification's result.
    fn finish_verification(&mut self, v: &Verification) -> StoreResult<()>;

    /// The latest verification started.
    fn last_verification(&mut self) -> StoreResult<Option<Verification>>;
}
