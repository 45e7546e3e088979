//! The what-if view of a program change: authorize, check the new program as
//! `PUT /program` does, load today's facts in a read transaction and let
//! `saps_core::what_if` decide. Nothing is written.

use crate::App;
use crate::claims::redeemed_on;
use saps_core::journal::Scope;
use saps_core::port::{Tx, VoucherQuery};
use saps_core::what_if::{PoolFacts, VoucherFacts, WhatIf};
use saps_core::{Actor, Error, NewEvent, OrgKind, Program, VoucherState};

/// How many vouchers one read takes while loading.
const PAGE: u32 = 500;

/// The states whose vouchers a program change can affect: open ones (their
/// expiry) and redeemed ones (their claim window).
const STATES: [VoucherState; 5] = [
    VoucherState::Created,
    VoucherState::Assigned,
    VoucherState::Reserved,
    VoucherState::Completed,
    VoucherState::Redeemed,
];

impl App {
    /// What replacing the program's settings and calendar with `next` would
    /// do today (the same input and the same refusals as [`App::put_program`]),
    /// keeping at most `cap` items.
    pub async fn program_what_if(
        &self,
        actor: &Actor,
        mut next: Program,
        cap: usize,
    ) -> Result<WhatIf, Error> {
        saps_core::authz::authorize(
            actor,
            saps_core::authz::Action::ChangeProgram,
            saps_core::authz::Resource::Program,
        )?;
        let current = self.program();
        if next.offerings.is_empty() {
            next.offerings = current.offerings.clone();
        }
        next.version = current.version + 1;
        next.check()
            .map_err(|e| Error::invalid(e.field, e.message))?;
        let today = self.today();
        let (vouchers, pools) = self.read(load_facts).await?;
        Ok(saps_core::what_if::what_if(
            &current, &next, today, &vouchers, &pools, cap,
        ))
    }
}

/// Every voucher a change can affect and every pool with its balance.
fn load_facts(tx: &mut dyn Tx) -> Result<(Vec<VoucherFacts>, Vec<PoolFacts>), Error> {
    let mut vouchers = Vec::new();
    for state in STATES {
        let mut after = None;
        loop {
            let page = tx.vouchers(&VoucherQuery {
                scope: Scope::All,
                state: Some(state),
                after,
                limit: PAGE,
            })?;
            for v in &page {
                let redeemed_on = if state == VoucherState::Redeemed {
                    redeemed_on(v)
                } else {
                    None
                };
                vouchers.push(VoucherFacts::of(v, redeemed_on));
            }
            match page.last() {
                Some(last) if page.len() == PAGE as usize => after = Some(last.id),
                _ => break,
            }
        }
    }
    let mut pools = Vec::new();
    for customer in tx.orgs(OrgKind::Customer)? {
        for a in tx.agreements(customer.id)? {
            pools.push(PoolFacts {
                agreement_id: a.id,
                number: a.number,
                customer_id: a.customer_id,
                available: a.available,
            });
        }
    }
    Ok((vouchers, pools))
}

/// Moves the expiry of every open voucher as a change from `current` to
/// `next` of the validity or the anchor moves it (the what-if reports the
/// same dates), each a conditional write with its `voucher.expiry_moved`
/// event. Runs inside the program change's transaction; returns how many moved.
pub(crate) fn move_open_expiries(
    tx: &mut dyn Tx,
    current: &Program,
    next: &Program,
    now: jiff::Timestamp,
) -> Result<u64, Error> {
    if !saps_core::what_if::moves_expiry(current, next) {
        return Ok(0);
    }
    let mut moved = 0;
    for state in STATES.into_iter().filter(|s| s.is_open()) {
        let mut after = None;
        loop {
            let page = tx.vouchers(&VoucherQuery {
                scope: Scope::All,
                state: Some(state),
                after,
                limit: PAGE,
            })?;
            for v in &page {
                let facts = VoucherFacts::of(v, None);
                let Some(to) = saps_core::what_if::moved_expiry(current, next, &facts) else {
                    continue;
                };
                let mut n = v.clone();
                n.expires_on = to;
                n.version += 1;
                tx.update_voucher(&n)?;
                let event = saps_core::event::VoucherExpiryMoved {
                    code: v.code,
                    from: v.expires_on,
                    to,
                };
                tx.append_event(&NewEvent::new(event, now, None, next.version).voucher(&n))?;
                moved += 1;
            }
            match page.last() {
                Some(last) if page.len() == PAGE as usize => after = Some(last.id),
                _ => break,
            }
        }
    }
    Ok(moved)
}
