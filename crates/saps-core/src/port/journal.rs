//! The journal: events appended in order and read back by scope.

use super::StoreResult;
use crate::ids::VoucherId;
use crate::journal::{Event, NewEvent, Scope};

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
}
