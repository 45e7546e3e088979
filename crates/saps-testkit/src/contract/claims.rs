//! The contract: payment registrations, bank accounts, the rate card, the
//! claim reference counter and claims.

use super::*;
use saps_core::iban::{Bic, Iban};
use saps_core::payment::{
    BankAccount, Claim, ClaimHistoryEntry, ClaimLine, ClaimState, Rate, Registration, parse_amount,
};
use saps_core::port::ClaimQuery;

fn money(amount: &str, currency: &str) -> saps_core::Money {
    parse_amount(amount, currency.parse().unwrap()).unwrap()
}

fn new_claim(p: &Partner, number: u64, state: ClaimState) -> Claim {
    let rate = money("1234.55", "EUR");
    let code = VoucherCode::generate();
    Claim {
        id: uuid::Uuid::now_v7(),
        reference: saps_core::payment::claim_reference(2021, number),
        partner_id: p.org.id,
        location_id: p.location.id,
        state,
        total: rate.times(Days(3)).unwrap(),
        lines: vec![ClaimLine {
            voucher_id: VoucherId::new(),
            code,
            days: Days(3),
            country: "FR".into(),
            redeemed_on: date(2021, 3, 1),
            day_rate: rate,
            amount: rate.times(Days(3)).unwrap(),
        }],
        created_at: now(),
        created_by: p.admin.id,
        submitted_at: None,
        approved_at: None,
        payment_due_on: None,
        paid_at: None,
        payment_reference: None,
        rejected_at: None,
        rejection_reason: None,
        disputed_at: None,
        dispute_reason: None,
        history: vec![ClaimHistoryEntry {
            state,
            at: now(),
            by: p.admin.id,
            note: None,
        }],
        version: 0,
    }
}

/// A registration reads back per company and is made once per offering.
pub fn a_payment_registration_reads_back_and_is_made_once_per_offering(store: &dyn Store) {
    let p = partner(store, "Partner");
    let other = partner(store, "Other");
    let reg = |offering: &str| Registration {
        partner_id: p.org.id,
        offering: offering.into(),
        registered_at: now(),
        registered_by: p.admin.id,
    };
    let (a, b) = (reg("SSDPS"), reg("DDPS"));
    let (x, y) = (a.clone(), b.clone());
    write(store, move |tx| {
        tx.insert_registration(&x)?;
        tx.insert_registration(&y)?;
        Ok(())
    });
    let id = p.org.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.registrations(id)?)),
        vec![b, a.clone()]
    );
    let again = a.clone();
    let e = store_error(write_blocking(store, move |tx| {
        Ok(tx.insert_registration(&again)?)
    }));
    assert_eq!(e, StoreError::Duplicate("payment_registration"));
    let other_id = other.org.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.registrations(other_id)?)),
        vec![]
    );
}

/// A bank account reads back whole, is replaced by the next one and is
/// listed under its company only.
pub fn a_bank_account_reads_back_and_is_replaced(store: &dyn Store) {
    let p = partner(store, "Partner");
    let other = partner(store, "Other");
    let account = BankAccount {
        location_id: p.location.id,
        partner_id: p.org.id,
        holder: "Partner SARL".into(),
        iban: Iban::parse("FR14 2004 1010 0505 0001 3M02 606").unwrap(),
        bic: Bic::parse("BNPAFRPP").unwrap(),
        updated_at: now(),
        updated_by: p.admin.id,
    };
    let a = account.clone();
    write(store, move |tx| Ok(tx.put_bank_account(&a)?));
    let l = p.location.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.bank_account(l)?)),
        Some(account.clone())
    );
    let changed = BankAccount {
        holder: "Partner Lyon SARL".into(),
        iban: Iban::parse("DE89370400440532013000").unwrap(),
        bic: Bic::parse("COBADEFFXXX").unwrap(),
        ..account
    };
    let c = changed.clone();
    write(store, move |tx| Ok(tx.put_bank_account(&c)?));
    assert_eq!(
        read(store, move |tx| Ok(tx.bank_account(l)?)),
        Some(changed.clone())
    );
    let (id, other_id) = (p.org.id, other.org.id);
    assert_eq!(
        read(store, move |tx| Ok(tx.bank_accounts(id)?)),
        vec![changed]
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.bank_accounts(other_id)?)),
        vec![]
    );
    let ol = other.location.id;
    assert_eq!(read(store, move |tx| Ok(tx.bank_account(ol)?)), None);
}

/// The rate card reads back exactly (amounts to the cent, by country then
/// date) and is replaced whole.
pub fn the_rate_card_reads_back_exactly_and_is_replaced_whole(store: &dyn Store) {
    assert_eq!(read(store, |tx| Ok(tx.rates()?)), vec![]);
    let card = vec![
        Rate {
            country: "DE".into(),
            day_rate: money("1000.10", "EUR"),
            effective_from: date(2020, 1, 1),
        },
        Rate {
            country: "DE".into(),
            day_rate: money("1100", "EUR"),
            effective_from: date(2021, 1, 1),
        },
        Rate {
            country: "JP".into(),
            day_rate: money("150000", "JPY"),
            effective_from: date(2020, 1, 1),
        },
    ];
    let c = card.clone();
    write(store, move |tx| Ok(tx.replace_rates(&c)?));
    let back = read(store, |tx| Ok(tx.rates()?));
    assert_eq!(back, card);
    assert_eq!(back[0].day_rate.amount.to_string(), "1000.10");
    let smaller = vec![card[2].clone()];
    let s = smaller.clone();
    write(store, move |tx| Ok(tx.replace_rates(&s)?));
    assert_eq!(read(store, |tx| Ok(tx.rates()?)), smaller);
}

/// A claim reads back whole; an update from its stored version is written,
/// one from a stale version is refused and changes nothing; lists are by
/// partner and state, oldest first, page by page.
pub fn a_claim_reads_back_and_is_updated_by_a_conditional_write(store: &dyn Store) {
    let p = partner(store, "Partner");
    let other = partner(store, "Other");
    let first = new_claim(&p, 1, ClaimState::Draft);
    let second = new_claim(&p, 2, ClaimState::Submitted);
    let foreign = new_claim(&other, 3, ClaimState::Submitted);
    let (a, b, f) = (first.clone(), second.clone(), foreign.clone());
    write(store, move |tx| {
        tx.insert_claim(&a)?;
        tx.insert_claim(&b)?;
        tx.insert_claim(&f)?;
        Ok(())
    });
    let id = first.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.claim(id)?)),
        Some(first.clone())
    );
    let mut submitted = first.clone();
    submitted.state = ClaimState::Submitted;
    submitted.submitted_at = Some(now());
    submitted.version = 1;
    let s = submitted.clone();
    assert!(write(store, move |tx| Ok(tx.update_claim(&s)?)));
    let mut stale = first.clone();
    stale.state = ClaimState::Approved;
    stale.version = 1;
    assert!(!write(store, move |tx| Ok(tx.update_claim(&stale)?)));
    assert_eq!(
        read(store, move |tx| Ok(tx.claim(id)?)),
        Some(submitted.clone())
    );
    let query = |partner: Option<OrgId>, states: Vec<ClaimState>, after, limit| ClaimQuery {
        partner,
        states,
        after,
        limit,
    };
    let pid = Some(p.org.id);
    let mine = read(store, move |tx| {
        Ok(tx.claims(&query(pid, vec![], None, 10))?)
    });
    assert_eq!(mine, vec![submitted.clone(), second.clone()]);
    let all = read(store, move |tx| {
        Ok(tx.claims(&query(None, vec![ClaimState::Submitted], None, 10))?)
    });
    assert_eq!(all, vec![submitted.clone(), second.clone(), foreign]);
    let page = read(store, move |tx| {
        Ok(tx.claims(&query(None, vec![], None, 1))?)
    });
    assert_eq!(page, vec![submitted.clone()]);
    let after = Some(submitted.id);
    let next = read(store, move |tx| {
        Ok(tx.claims(&query(pid, vec![], after, 5))?)
    });
    assert_eq!(next, vec![second]);
    let drafts = read(store, move |tx| {
        Ok(tx.claims(&query(pid, vec![ClaimState::Draft], None, 5))?)
    });
    assert_eq!(drafts, vec![]);
    let taken = new_claim(&p, 1, ClaimState::Draft);
    let e = store_error(write_blocking(
        store,
        move |tx| Ok(tx.insert_claim(&taken)?),
    ));
    assert_eq!(e, StoreError::Duplicate("claim_reference"));
}

/// Claim numbers count up per year; racing claims each get their own number.
pub fn racing_claim_numbers_are_distinct_and_count_up_per_year(store: &dyn Store) {
    assert_eq!(write(store, |tx| Ok(tx.next_claim_number(2020)?)), 1);
    assert_eq!(write(store, |tx| Ok(tx.next_claim_number(2020)?)), 2);
    assert_eq!(write(store, |tx| Ok(tx.next_claim_number(2021)?)), 1);
    let mut numbers: Vec<u64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..16)
            .map(|_| s.spawn(move || write(store, |tx| Ok(tx.next_claim_number(2021)?))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a claimant"))
            .collect()
    });
    numbers.sort_unstable();
    assert_eq!(numbers, (2..=17).collect::<Vec<u64>>());
}

/// Only the partner's redeemed, claimed or paid vouchers of the named
/// engagements count towards a registration.
pub fn redeemed_vouchers_are_counted_per_partner_and_engagement(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let p = partner(store, "Partner");
    let other = partner(store, "Other");
    let mut vouchers = Vec::new();
    for (state, whose) in [
        (VoucherState::Redeemed, &p),
        (VoucherState::Claimed, &p),
        (VoucherState::Paid, &p),
        (VoucherState::Completed, &p),
        (VoucherState::Redeemed, &other),
    ] {
        let mut v = reserved(
            voucher(&c.agreement, &c.pm, &c.admin),
            &whose.location,
            &whose.consultants[0],
            &whose.admin,
        );
        v.state = state;
        vouchers.push(v);
    }
    insert_vouchers(store, &vouchers.iter().collect::<Vec<_>>());
    let engagement = vouchers[0].engagement.clone();
    let (id, oid) = (p.org.id, other.org.id);
    let e = vec![engagement.clone()];
    assert_eq!(
        read(store, move |tx| Ok(tx.count_redeemed_vouchers(id, &e)?)),
        3
    );
    let e = vec![engagement];
    assert_eq!(
        read(store, move |tx| Ok(tx.count_redeemed_vouchers(oid, &e)?)),
        1
    );
    let none = vec!["NOPE".to_owned()];
    assert_eq!(
        read(store, move |tx| Ok(tx.count_redeemed_vouchers(id, &none)?)),
        0
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.count_redeemed_vouchers(id, &[])?)),
        0
    );
}
