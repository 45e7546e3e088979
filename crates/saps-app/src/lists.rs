//! Voucher lists that serve a program: several states, a search by voucher
//! ID or by customer or partner name, sorted by creation or by expiry, page
//! by page; and what is about to lapse.

use crate::App;
use crate::views::{VoucherRow, voucher_row};
use crate::vouchers::{VoucherView, view};
use saps_core::authz::scope;
use saps_core::port::{ListCursor, VoucherList, VoucherSort};
use saps_core::{Actor, Error, Scope, VoucherState};
use std::collections::HashMap;

/// Days before expiry from which a voucher counts as about to lapse.
pub const EXPIRING_DAYS: i64 = 30;

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
}

impl App {
    /// The list as the UI shows it: at most `max` rows, newest first when
    /// sorted by creation, soonest expiry first when sorted by expiry.
    pub async fn voucher_rows_filtered(
        &self,
        actor: &Actor,
        filter: ListFilter,
        max: usize,
    ) -> Result<Vec<VoucherRow>, Error> {
        let program = self.program();
        let today = self.today();
        let a = *actor;
        let sort = filter.sort;
        let base = filter.list(scope(actor), None, 500);
        let mut rows = self
            .read(move |tx| {
                let mut rows = Vec::new();
                let mut list = base.clone();
                let mut orgs = HashMap::new();
                loop {
                    let page = tx.voucher_list(&list)?;
                    let full = page.len() == list.limit as usize;
                    list.after = page.last().map(|v| ListCursor {
                        expires_on: v.expires_on,
                        id: v.id,
                    });
                    for v in page {
                        rows.push(voucher_row(tx, &program, &a, today, &mut orgs, v)?);
                    }
                    if !full || rows.len() >= max {
                        return Ok(rows);
                    }
                }
            })
            .await?;
        rows.truncate(max);
        if sort == VoucherSort::Created {
            rows.reverse();
        }
        Ok(rows)
    }

    /// The actor's open vouchers expiring within [`EXPIRING_DAYS`] days (or
    /// already past), soonest first, at most `limit`: what home pages lead with.
    pub async fn expiring_rows(
        &self,
        actor: &Actor,
        limit: usize,
    ) -> Result<Vec<VoucherRow>, Error> {
        let filter = ListFilter {
            states: OPEN_STATES.to_vec(),
            search: String::new(),
            sort: VoucherSort::Expiry,
        };
        let mut rows = self.voucher_rows_filtered(actor, filter, limit).await?;
        rows.retain(|r| r.expiring);
        Ok(rows)
    }
}

/// Where a voucher stands against its expiry, for lists.
pub fn days_left(today: jiff::civil::Date, expires_on: jiff::civil::Date) -> i64 {
    i64::from((expires_on - today).get_days())
}
