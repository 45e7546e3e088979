//! The journal: events appended in order and read back by scope.

use super::StoreResult;
use crate::ids::VoucherId;
use crate::journal::{Event, NewEvent, Scope};

/// The journal of events.
pub trait Journal {
    fn append_event(&mut self, event: &NewEvent) -> StoreResult<i64>;
    fn events_after(&mut self, scope: Scope, after: i64, limit: u32) -> StoreResult<Vec<Event>>;
    fn voucher_events(&mut self, voucher: VoucherId) -> StoreResult<Vec<Event>>;
}
