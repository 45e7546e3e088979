//! The contract: Agreements, their pools and the ledger.

use super::*;

/// An agreement reads back equal by id, by its customer's number and in the
/// customer's list.
pub fn an_agreement_reads_back_by_id_and_number(store: &dyn Store) {
    let c = customer(store, "Customer", 7);
    let second = agreement(&c.org, "A-2", 0);
    let a = second.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&a)?));

    let id = c.agreement.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.agreement(id)?)),
        Some(c.agreement.clone())
    );
    let customer_id = c.org.id;
    assert_eq!(
        read(store, move |tx| Ok(
            tx.agreement_by_number(customer_id, "A-2")?
        )),
        Some(second.clone())
    );
    assert_eq!(
        read(store, move |tx| Ok(
            tx.agreement_by_number(customer_id, "A-9")?
        )),
        None
    );
    assert_eq!(
        read(store, move |tx| Ok(
            tx.agreement_by_number(OrgId::new(), "A-1")?
        )),
        None
    );
    assert_eq!(
        sorted_by_id(
            read(store, move |tx| Ok(tx.agreements(customer_id)?)),
            |a| a.id
        ),
        sorted_by_id(vec![c.agreement, second], |a| a.id)
    );
}

/// An agreement number is unique per customer: taken for the same customer
/// is `agreement_number`, free for another.
pub fn a_taken_agreement_number_is_a_duplicate_for_the_same_customer_only(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let other = org(OrgKind::Customer, "Other");
    insert_orgs(store, &[&other]);
    let twin = agreement(&c.org, &c.agreement.number, 5);
    let attempt = twin.clone();
    let outcome = write_blocking(store, move |tx| Ok(tx.insert_agreement(&attempt)?));
    assert_eq!(
        store_error(outcome),
        StoreError::Duplicate("agreement_number")
    );
    let id = twin.id;
    assert_eq!(read(store, move |tx| Ok(tx.agreement(id)?)), None);

    let same_number_elsewhere = agreement(&other, &c.agreement.number, 5);
    let a = same_number_elsewhere.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&a)?));
}

/// The ledger refuses (and does not record) a movement that would take a
/// pool below zero, and its entries always sum to the pool's balance.
pub fn the_ledger_never_lets_a_pool_go_negative_and_sums_to_its_balance(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let id = c.agreement.id;
    let post = |delta, reason| {
        let e = entry(id, delta, reason);
        write(store, move |tx| Ok(tx.post_ledger(&e)?))
    };
    let balance = || {
        read(store, move |tx| Ok(tx.agreement(id)?))
            .expect("the agreement")
            .available
    };

    assert!(
        !post(-1, LedgerReason::VoucherDebit),
        "an empty pool has nothing to debit"
    );
    assert!(post(10, LedgerReason::Accrual));
    assert!(post(-3, LedgerReason::VoucherDebit));
    assert!(post(1, LedgerReason::VoucherRefund));
    assert!(post(-2, LedgerReason::VoucherDebit));
    assert!(
        !post(-7, LedgerReason::VoucherDebit),
        "6 days cannot cover 7"
    );
    assert_eq!(balance(), 6);
    assert!(post(-6, LedgerReason::Removal));
    assert_eq!(balance(), 0);
    assert!(!post(-1, LedgerReason::VoucherDebit));

    let totals = read(store, move |tx| Ok(tx.pool_totals(id)?));
    assert_eq!(totals.sum, 0);
    let mut by_reason = totals.by_reason;
    by_reason.sort_by_key(|(r, _)| r.as_str());
    assert_eq!(
        by_reason,
        vec![
            (LedgerReason::Accrual, 10),
            (LedgerReason::Removal, -6),
            (LedgerReason::VoucherDebit, -5),
            (LedgerReason::VoucherRefund, 1),
        ]
    );
    let empty = read(store, |tx| Ok(tx.pool_totals(AgreementId::new())?));
    assert_eq!(empty.sum, 0);
    assert!(empty.by_reason.is_empty());
}

/// Thirty-two concurrent debits of one day against a pool of ten: exactly
/// ten succeed, the pool ends empty and its ledger sums to zero.
pub fn racing_debits_never_overdraw_a_pool(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let id = c.agreement.id;
    let accrual = entry(id, 10, LedgerReason::Accrual);
    assert!(write(store, move |tx| Ok(tx.post_ledger(&accrual)?)));

    let successes: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..32)
            .map(|_| {
                s.spawn(move || {
                    let debit = entry(id, -1, LedgerReason::VoucherDebit);
                    write(store, move |tx| Ok(tx.post_ledger(&debit)?))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| usize::from(h.join().expect("a debit")))
            .sum()
    });
    assert_eq!(successes, 10);
    let pool = read(store, move |tx| Ok(tx.agreement(id)?)).expect("the agreement");
    assert_eq!(pool.available, 0);
    let totals = read(store, move |tx| Ok(tx.pool_totals(id)?));
    assert_eq!(totals.sum, 0);
    let mut by_reason = totals.by_reason;
    by_reason.sort_by_key(|(r, _)| r.as_str());
    assert_eq!(
        by_reason,
        vec![
            (LedgerReason::Accrual, 10),
            (LedgerReason::VoucherDebit, -10)
        ]
    );
}

/// Credits posted together (as the expiry sweep posts its refunds) move each
/// pool by the sum of its entries, which read back with the pool's totals; a
/// batch holding a debit is refused and writes nothing.
pub fn credits_posted_together_move_each_pool_by_their_sum_and_a_debit_is_refused(
    store: &dyn Store,
) {
    let one = customer(store, "Customer one", 10).agreement.id;
    let two = customer(store, "Customer two", 5).agreement.id;
    let balance = |id: AgreementId| {
        read(store, move |tx| Ok(tx.agreement(id)?))
            .expect("the agreement")
            .available
    };
    let credits = vec![
        entry(one, 3, LedgerReason::VoucherRefund),
        entry(two, 4, LedgerReason::VoucherRefund),
        entry(one, 2, LedgerReason::VoucherRefund),
        entry(one, 0, LedgerReason::VoucherRefund),
    ];
    write(store, move |tx| Ok(tx.post_ledger_credits(&credits)?));
    assert_eq!((balance(one), balance(two)), (15, 9));
    let totals = read(store, move |tx| Ok(tx.pool_totals(one)?));
    assert_eq!(totals.by_reason, vec![(LedgerReason::VoucherRefund, 5)]);
    assert_eq!(totals.sum, 5);

    let with_a_debit = vec![
        entry(one, 3, LedgerReason::VoucherRefund),
        entry(two, -1, LedgerReason::VoucherDebit),
    ];
    let refused = write_blocking(store, move |tx| Ok(tx.post_ledger_credits(&with_a_debit)?));
    assert!(
        matches!(store_error(refused), StoreError::Backend(_)),
        "a debit is not a credit"
    );
    assert_eq!((balance(one), balance(two)), (15, 9));
    assert_eq!(read(store, move |tx| Ok(tx.pool_totals(two)?)).sum, 4);
    write(store, |tx| Ok(tx.post_ledger_credits(&[])?));
    assert_eq!((balance(one), balance(two)), (15, 9));
}
