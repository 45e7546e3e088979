//! Voucher lists that serve a program: several states, a search by voucher
//! ID or by customer or partner name, sorted by creation or by expiry, page
//! by page; and what is about to lapse.

use crate::App;
use crate::vouchers::{VoucherView, view};
use saps_core::authz::scope;
use saps_core::port::{ListCursor, VoucherList, VoucherSort};
use saps_core::{Actor, Error, Scope, VoucherState};

/// Days before expiry from which a voucher counts as about to lapse.
pub const EXPIRING_DAYS: i32 = 30;

/// The filters of a voucher list (and of its exports).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Any of these states; empty: all.
    pub states: Vec<VoucherState>,
    /// A voucher ID (or part of it), or part of the customer's or partner's name.
    pub search: String,
    pub sort: VoucherSort,
}

impl ListFilter {
    pub(crate) fn list(&self, scope: Scope, after: Option<ListCursor>, limit: u32) -> VoucherList {
        VoucherList {
            scope,
            states: self.states.clone(),
            search: self.search.trim().chars().take(100).collect(),
            sort: self.sort,
            after,
            limit,
        }
    }
}

/// The states in which a voucher can still lapse.
pub const OPEN_STATES: [VoucherState; 4] = [
    VoucherState::Created,
    VoucherState::Assigned,
    VoucherState::Reserved,
    VoucherState::Completed,
];

impl App {
    /// A page of the actor's vouchers as filtered; pass the last one's
    /// [`ListCursor`] for the next page.
    pub async fn voucher_list(
        &self,
        actor: &Actor,
        filter: ListFilter,
        after: Option<ListCursor>,
        limit: u32,
    ) -> Result<Vec<VoucherView>, Error> {
        let list = filter.list(scope(actor), after, limit);
        self.read(move |tx| {
            let vs = tx.voucher_list(&list)?;
            vs.into_iter().map(|v| view(tx, v, false)).collect()
        })
        .await
    }

    /// The actor's open vouchers expiring within [`EXPIRING_DAYS`] days,
    /// soonest first, at most `limit`.
    pub async fn expiring_soon(
        &self,
        actor: &Actor,
        limit: u32,
    ) -> Result<Vec<VoucherView>, Error> {
        let horizon = self
            .today()
            .checked_add(jiff::Span::new().days(EXPIRING_DAYS))
            .map_err(|e| Error::invalid("date", e.to_string()))?;
        let filter = ListFilter {
            states: OPEN_STATES.to_vec(),
            search: String::new(),
            sort: VoucherSort::Expiry,
        };
        let page = self.voucher_list(actor, filter, None, limit).await?;
        Ok(page
            .into_iter()
            .filter(|v| v.expires_on <= horizon)
            .collect())
    }
}

/// Where a voucher stands against its expiry, for lists.
pub fn days_left(today: jiff::civil::Date, expires_on: jiff::civil::Date) -> i32 {
    (expires_on - today).get_days()
}
