//! What a change of the program's settings or calendar would do to today's
//! data: vouchers whose expiry moves, days that would be removed sooner or
//! kept longer, and claim windows that close or open. Pure: the caller loads
//! the facts and gives the date.

use crate::ids::{AgreementId, OrgId, VoucherId};
use crate::program::{ExpiryAnchor, MilestoneName, Program};
use crate::voucher::{Voucher, VoucherState};
use jiff::ToSpan;
use jiff::civil::Date;

/// What the what-if needs to know of a voucher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherFacts {
    pub id: VoucherId,
    pub code: String,
    pub customer_id: OrgId,
    pub state: VoucherState,
    pub created_on: Date,
    pub assigned_on: Option<Date>,
    pub expires_on: Date,
    /// The day it was redeemed, for a redeemed voucher not yet claimed.
    pub redeemed_on: Option<Date>,
}

impl VoucherFacts {
    pub fn of(v: &Voucher, redeemed_on: Option<Date>) -> Self {
        Self {
            id: v.id,
            code: v.code.to_string(),
            customer_id: v.customer_id,
            state: v.state,
            created_on: crate::quantity::program_date(v.created_at),
            assigned_on: v.assigned_at.map(crate::quantity::program_date),
            expires_on: v.expires_on,
            redeemed_on,
        }
    }
}

/// What the what-if needs to know of an agreement's pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolFacts {
    pub agreement_id: AgreementId,
    pub number: String,
    pub customer_id: OrgId,
    pub available: i64,
}

/// The kind of thing a change affects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// An open voucher's expiry moves (before and after: the expiry dates).
    VoucherExpiry,
    /// A pool's remaining days would be removed sooner (before and after: the
    /// removal dates, `None` for never).
    DaysRemoved,
    /// A pool's remaining days would be kept longer.
    DaysKept,
    /// A redeemed voucher's claim window closes or opens (before and after:
    /// the last day to claim).
    ClaimWindow,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::VoucherExpiry => "voucher_expiry",
            Self::DaysRemoved => "days_removed",
            Self::DaysKept => "days_kept",
            Self::ClaimWindow => "claim_window",
        }
    }
}

/// One affected thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    /// The voucher's code, or the agreement's number.
    pub id: String,
    pub customer_id: OrgId,
    pub before: Option<Date>,
    pub after: Option<Date>,
    /// The days concerned (a pool's remaining days, a voucher's days are not counted).
    pub days: i64,
}

/// What a change would do: complete counts and the first items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhatIf {
    pub customers: u64,
    pub vouchers: u64,
    pub days: i64,
    pub claims: u64,
    /// At most the cap given, in a stable order (kind, then id).
    pub items: Vec<Item>,
    /// How many items there are in all.
    pub total_items: u64,
}

/// The expiry an open voucher has under `p`: its anchor day (creation, or
/// assignment once assigned) plus the program's validity.
pub fn expiry_under(p: &Program, v: &VoucherFacts) -> Date {
    let anchor = match (p.expiry_anchor, v.assigned_on) {
        (ExpiryAnchor::Assignment, Some(a)) => a,
        _ => v.created_on,
    };
    anchor.saturating_add(i64::from(p.voucher_validity_days).days())
}

/// Whether a change of program moves open vouchers' expiry at all (only a
/// change of validity or anchor does; otherwise each keeps the expiry it was
/// given under the version it was decided under).
pub fn moves_expiry(current: &Program, next: &Program) -> bool {
    (current.voucher_validity_days, current.expiry_anchor)
        != (next.voucher_validity_days, next.expiry_anchor)
}

/// The new expiry of an open voucher under a program change, if it moves.
pub fn moved_expiry(current: &Program, next: &Program, v: &VoucherFacts) -> Option<Date> {
    if !v.state.is_open() || !moves_expiry(current, next) {
        return None;
    }
    let after = expiry_under(next, v);
    (after != v.expires_on).then_some(after)
}

/// The last day a redeemed voucher may be claimed under `p`.
pub fn claim_last_day(p: &Program, redeemed_on: Date) -> Date {
    redeemed_on.saturating_add(i64::from(p.claim_window_days).days())
}

/// What changing `current` into `next` would do on `today`, keeping at most
/// `cap` items (the counts are always complete).
pub fn what_if(
    current: &Program,
    next: &Program,
    today: Date,
    vouchers: &[VoucherFacts],
    pools: &[PoolFacts],
    cap: usize,
) -> WhatIf {
    let mut items = Vec::new();
    for v in vouchers {
        if let Some(after) = moved_expiry(current, next, v) {
            items.push(Item {
                kind: ItemKind::VoucherExpiry,
                id: v.code.clone(),
                customer_id: v.customer_id,
                before: Some(v.expires_on),
                after: Some(after),
                days: 0,
            });
        }
        if let (VoucherState::Redeemed, Some(r)) = (v.state, v.redeemed_on) {
            let (before, after) = (claim_last_day(current, r), claim_last_day(next, r));
            if (today <= before) != (today <= after) {
                items.push(Item {
                    kind: ItemKind::ClaimWindow,
                    id: v.code.clone(),
                    customer_id: v.customer_id,
                    before: Some(before),
                    after: Some(after),
                    days: 0,
                });
            }
        }
    }
    let removal = |p: &Program| p.milestone(MilestoneName::RemainingDaysRemoved);
    let (before, after) = (removal(current), removal(next));
    let past = |d: Option<Date>| d.is_some_and(|d| d <= today);
    if before != after && !(past(before) && past(after)) {
        // Sooner when the new date comes first (a date before none at all).
        let sooner = match (before, after) {
            (Some(b), Some(a)) => a < b,
            (None, Some(_)) => true,
            _ => false,
        };
        let kind = if sooner {
            ItemKind::DaysRemoved
        } else {
            ItemKind::DaysKept
        };
        for p in pools.iter().filter(|p| p.available > 0) {
            items.push(Item {
                kind,
                id: p.number.clone(),
                customer_id: p.customer_id,
                before,
                after,
                days: p.available,
            });
        }
    }
    items.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    let mut customers: Vec<OrgId> = items.iter().map(|i| i.customer_id).collect();
    customers.sort_unstable_by_key(|c| c.to_string());
    customers.dedup();
    let count = |k: ItemKind| items.iter().filter(|i| i.kind == k).count() as u64;
    let total_items = items.len() as u64;
    WhatIf {
        customers: customers.len() as u64,
        vouchers: count(ItemKind::VoucherExpiry),
        days: items.iter().map(|i| i.days).sum(),
        claims: count(ItemKind::ClaimWindow),
        items: items.into_iter().take(cap).collect(),
        total_items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn voucher(state: VoucherState, created: Date, assigned: Option<Date>) -> VoucherFacts {
        VoucherFacts {
            id: VoucherId::new(),
            code: format!("V-{created}-{state:?}"),
            customer_id: OrgId::new(),
            state,
            created_on: created,
            assigned_on: assigned,
            expires_on: created.saturating_add(180.days()),
            redeemed_on: None,
        }
    }

    fn pool(available: i64) -> PoolFacts {
        PoolFacts {
            agreement_id: AgreementId::new(),
            number: format!("EA-{available}"),
            customer_id: OrgId::new(),
            available,
        }
    }

    #[test]
    fn a_shorter_validity_moves_only_open_vouchers_expiry() {
        let p = Program::sa_planning_services();
        let mut next = p.clone();
        next.voucher_validity_days = 90;
        let open = voucher(VoucherState::Assigned, date(2020, 10, 1), None);
        let done = voucher(VoucherState::Redeemed, date(2020, 10, 1), None);
        let w = what_if(
            &p,
            &next,
            date(2020, 11, 2),
            &[open.clone(), done],
            &[],
            500,
        );
        assert_eq!((w.vouchers, w.customers, w.total_items), (1, 1, 1));
        assert_eq!(w.items[0].kind, ItemKind::VoucherExpiry);
        assert_eq!(w.items[0].id, open.code);
        assert_eq!(
            (w.items[0].before, w.items[0].after),
            (Some(date(2021, 3, 30)), Some(date(2020, 12, 30)))
        );
    }

    #[test]
    fn the_assignment_anchor_counts_from_the_assignment_day() {
        let p = Program::sa_planning_services();
        let mut next = p.clone();
        next.expiry_anchor = ExpiryAnchor::Assignment;
        let v = voucher(
            VoucherState::Assigned,
            date(2020, 10, 1),
            Some(date(2020, 10, 11)),
        );
        assert_eq!(moved_expiry(&p, &next, &v), Some(date(2021, 4, 9)));
        assert_eq!(moved_expiry(&p, &p, &v), None);
    }

    #[test]
    fn an_earlier_removal_date_removes_every_remaining_pool_and_a_later_one_keeps_them() {
        let p = Program::sa_planning_services();
        let today = date(2020, 11, 2);
        let mut sooner = p.clone();
        for m in &mut sooner.milestones {
            if m.name == MilestoneName::RemainingDaysRemoved {
                m.date = date(2020, 12, 1);
            }
        }
        let pools = [pool(4), pool(0), pool(7)];
        let w = what_if(&p, &sooner, today, &[], &pools, 500);
        assert_eq!((w.days, w.customers, w.total_items), (11, 2, 2));
        assert!(w.items.iter().all(|i| i.kind == ItemKind::DaysRemoved));
        assert_eq!(w.items[0].after, Some(date(2020, 12, 1)));
        let w = what_if(&sooner, &p, today, &[], &pools, 500);
        assert!(w.items.iter().all(|i| i.kind == ItemKind::DaysKept));
        assert_eq!(w.days, 11);
    }

    #[test]
    fn a_removal_date_moved_within_the_past_changes_nothing() {
        let p = Program::sa_planning_services();
        let mut next = p.clone();
        for m in &mut next.milestones {
            if m.name == MilestoneName::RemainingDaysRemoved {
                m.date = date(2021, 7, 2);
            }
        }
        let w = what_if(&p, &next, date(2022, 1, 1), &[], &[pool(3)], 500);
        assert_eq!(w, WhatIf::default());
    }

    #[test]
    fn a_shorter_claim_window_closes_the_claims_it_no_longer_covers() {
        let p = Program::sa_planning_services();
        let mut next = p.clone();
        next.claim_window_days = 10;
        let mut recent = voucher(VoucherState::Redeemed, date(2020, 6, 1), None);
        recent.redeemed_on = Some(date(2020, 10, 30));
        let mut older = voucher(VoucherState::Redeemed, date(2020, 6, 1), None);
        older.code = "OLDER".into();
        older.redeemed_on = Some(date(2020, 10, 1));
        let w = what_if(&p, &next, date(2020, 11, 2), &[recent, older], &[], 500);
        assert_eq!(w.claims, 1);
        assert_eq!(w.items[0].id, "OLDER");
        assert_eq!(
            (w.items[0].before, w.items[0].after),
            (Some(date(2020, 11, 30)), Some(date(2020, 10, 11)))
        );
    }

    #[test]
    fn items_are_capped_but_the_counts_are_complete() {
        let p = Program::sa_planning_services();
        let mut next = p.clone();
        next.voucher_validity_days = 30;
        let vs: Vec<_> = (0..20)
            .map(|i| voucher(VoucherState::Created, date(2020, 10, 1 + i), None))
            .collect();
        let w = what_if(&p, &next, date(2020, 11, 2), &vs, &[], 5);
        assert_eq!((w.items.len(), w.total_items, w.vouchers), (5, 20, 20));
    }
}
