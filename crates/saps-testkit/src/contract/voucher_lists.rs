//! The contract: voucher lists as people filter them: several states, a
//! search by voucher ID or by customer or partner name, sorted by id or by
//! expiry, walked page by page with the keyset cursor.

use super::*;
use saps_core::port::{ListCursor, VoucherList, VoucherSort};

fn walk(store: &dyn Store, base: &VoucherList, limit: u32) -> Vec<Voucher> {
    let mut seen: Vec<Voucher> = Vec::new();
    let mut after = None;
    loop {
        let list = VoucherList {
            after,
            limit,
            ..base.clone()
        };
        let page = read(store, move |tx| Ok(tx.voucher_list(&list)?));
        assert!(page.len() <= limit as usize);
        let full = page.len() == limit as usize;
        after = page.last().map(|v| ListCursor {
            expires_on: v.expires_on,
            id: v.id,
        });
        seen.extend(page);
        if !full || after.is_none() {
            return seen;
        }
    }
}

/// Every filter, search and sort returns exactly the matching vouchers of
/// the scope, each once, in order, whatever the page size.
pub fn voucher_lists_filter_search_and_sort_by_expiry_page_by_page(store: &dyn Store) {
    let c = customer(store, "Dupont Énergie", 100);
    let other = customer(store, "Other customer", 100);
    let p = partner(store, "Contoso Consulting");
    let mut mine = Vec::new();
    for i in 0..17_i8 {
        let mut v = voucher(&c.agreement, &c.pm, &c.admin);
        // Expiry dates that repeat, out of id order.
        v.expires_on = date(2026, 1, 1 + (i * 7 % 5));
        mine.push(if i % 3 == 0 { assigned(v, p.org.id) } else { v });
    }
    mine[4].state = VoucherState::Cancelled;
    let theirs: Vec<Voucher> = (0..3)
        .map(|_| assigned(voucher(&other.agreement, &other.pm, &other.admin), p.org.id))
        .collect();
    let all: Vec<&Voucher> = mine.iter().chain(&theirs).collect();
    insert_vouchers(store, &all);

    let base = VoucherList {
        scope: Scope::Customer(c.org.id),
        states: vec![],
        search: String::new(),
        sort: VoucherSort::Created,
        after: None,
        limit: 1,
    };
    let by_id = |vs: Vec<Voucher>| sorted_by_id(vs, |v| v.id);
    let by_expiry = |mut vs: Vec<Voucher>| {
        vs.sort_by_key(|v| (v.expires_on, v.id));
        vs
    };
    let of = |f: &dyn Fn(&Voucher) -> bool| mine.iter().filter(|v| f(v)).cloned().collect();
    let code = mine[7].code.to_string();
    let cases: Vec<(VoucherList, Vec<Voucher>)> = vec![
        (base.clone(), by_id(mine.clone())),
        (
            VoucherList {
                sort: VoucherSort::Expiry,
                ..base.clone()
            },
            by_expiry(mine.clone()),
        ),
        (
            VoucherList {
                states: vec![VoucherState::Assigned, VoucherState::Cancelled],
                sort: VoucherSort::Expiry,
                ..base.clone()
            },
            by_expiry(of(&|v| v.state != VoucherState::Created)),
        ),
        (
            VoucherList {
                states: vec![VoucherState::Reserved],
                ..base.clone()
            },
            vec![],
        ),
        // A voucher ID in any case, with or without dashes, or a part of it.
        (
            VoucherList {
                search: code.to_lowercase(),
                ..base.clone()
            },
            vec![mine[7].clone()],
        ),
        (
            VoucherList {
                search: code.replace('-', "")[3..12].to_owned(),
                ..base.clone()
            },
            vec![mine[7].clone()],
        ),
        // The partner's name, in another case: the assigned ones.
        (
            VoucherList {
                search: "CONTOSO".into(),
                sort: VoucherSort::Expiry,
                ..base.clone()
            },
            by_expiry(of(&|v| v.partner_id.is_some())),
        ),
        // The customer's own name matches all of its vouchers.
        (
            VoucherList {
                search: "dupont".into(),
                ..base.clone()
            },
            by_id(mine.clone()),
        ),
        // LIKE's wildcards are plain characters.
        (
            VoucherList {
                search: "%".into(),
                ..base.clone()
            },
            vec![],
        ),
    ];
    for (list, expected) in cases {
        for limit in [1_u32, 4, 50] {
            assert_eq!(
                walk(store, &list, limit),
                expected,
                "{list:?} limit {limit}"
            );
        }
    }
    // The partner sees its own assigned vouchers of both customers, no more.
    let partner = VoucherList {
        scope: Scope::Partner(p.org.id),
        ..base
    };
    let expected: Vec<Voucher> = mine
        .iter()
        .chain(&theirs)
        .filter(|v| v.partner_id.is_some())
        .cloned()
        .collect();
    assert_eq!(walk(store, &partner, 3), by_id(expected));
}
