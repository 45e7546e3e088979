//! The contract: what every aggregate relies on: a unit of work commits or
//! leaves nothing, and instants are kept to the microsecond.

use super::*;

/// Instants are kept to the microsecond: one given to the microsecond reads
/// back equal; finer digits (which the application's clock never reads) are
/// dropped, rounding towards the past, before 1970 too. Dates keep the day.
pub fn instants_round_trip_to_the_microsecond(store: &dyn Store) {
    let instant = |s: &str| s.parse::<Timestamp>().expect("a timestamp");
    let mut exact = org(OrgKind::Customer, "Exact");
    exact.created_at = instant("2024-02-29T23:59:59.123456Z");
    let mut finer = org(OrgKind::Customer, "Finer");
    finer.created_at = instant("2024-02-29T23:59:59.123456789Z");
    let mut old = org(OrgKind::Customer, "Before 1970");
    old.created_at = instant("1969-12-31T23:59:59.999999999Z");
    insert_orgs(store, &[&exact, &finer, &old]);
    let mut a = agreement(&exact, "A-1", 0);
    a.created_at = instant("1999-12-31T00:00:00.000001Z");
    a.sa_start = date(2024, 2, 29);
    a.sa_end = date(2027, 2, 28);
    let stored = a.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&stored)?));

    let id = exact.id;
    assert_eq!(read(store, move |tx| Ok(tx.org(id)?)), Some(exact));
    let id = a.id;
    assert_eq!(read(store, move |tx| Ok(tx.agreement(id)?)), Some(a));
    let id = finer.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.org(id)?)).map(|o| o.created_at),
        Some(instant("2024-02-29T23:59:59.123456Z"))
    );
    let id = old.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.org(id)?)).map(|o| o.created_at),
        Some(instant("1969-12-31T23:59:59.999999Z"))
    );
}

/// Work that writes and then fails leaves nothing behind, while work running
/// at the same time (in the same batch, where the store batches) commits.
pub fn work_that_fails_after_writing_leaves_nothing_while_its_neighbours_commit(store: &dyn Store) {
    const THREADS: usize = 16;
    const EACH: usize = 12;
    let kept: Vec<Org> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let mut kept = Vec::new();
                    for i in 0..EACH {
                        let o = org(OrgKind::Customer, &format!("customer {t}/{i}"));
                        let fails = (t + i) % 3 == 0;
                        let written = o.clone();
                        let outcome = write_blocking(store, move |tx| {
                            tx.insert_org(&written)?;
                            let a = agreement(&written, "A-1", 3);
                            tx.insert_agreement(&a)?;
                            if fails {
                                return Err(Error::forbidden("refused after writing"));
                            }
                            Ok(())
                        });
                        if fails {
                            assert_eq!(outcome, Err(Error::forbidden("refused after writing")));
                        } else {
                            outcome.expect("a neighbour commits");
                            kept.push(o);
                        }
                    }
                    kept
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a writer"))
            .collect()
    });
    assert!(kept.len() > THREADS * EACH / 2);
    let stored = read(store, |tx| Ok(tx.orgs(OrgKind::Customer)?));
    assert_eq!(
        sorted_by_id(stored, |o| o.id),
        sorted_by_id(kept.clone(), |o| o.id)
    );
    for o in kept {
        let id = o.id;
        assert_eq!(read(store, move |tx| Ok(tx.agreements(id)?)).len(), 1);
    }
}

/// Work that panics after writing leaves nothing behind and is reported as a
/// backend failure naming the panic; the store carries on.
pub fn work_that_panics_after_writing_leaves_nothing(store: &dyn Store) {
    let o = org(OrgKind::Customer, "Gone");
    let written = o.clone();
    let outcome: Result<(), Error> = write_blocking(store, move |tx| {
        tx.insert_org(&written)?;
        panic!("the work panics after writing");
    });
    assert!(
        matches!(&outcome, Err(Error::Store(StoreError::Backend(m))) if m.contains("panics after writing")),
        "{outcome:?}"
    );
    let id = o.id;
    assert_eq!(read(store, move |tx| Ok(tx.org(id)?)), None);
    let kept = org(OrgKind::Customer, "Kept");
    insert_orgs(store, &[&kept]);
    let id = kept.id;
    assert_eq!(read(store, move |tx| Ok(tx.org(id)?)), Some(kept));
}

/// An insert refused on a unique key names the key and writes nothing, and
/// the work can carry on and commit (as a use case does when it draws
/// another voucher code); a refused ledger entry moves no balance.
pub fn a_refused_insert_names_its_key_and_the_work_carries_on(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let first = voucher(&c.agreement, &c.pm, &c.admin);
    insert_vouchers(store, &[&first]);
    let twin_code = Voucher {
        code: first.code,
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    let fresh = voucher(&c.agreement, &c.pm, &c.admin);
    let (org, pm, a, written) = (
        c.org.clone(),
        c.pm.clone(),
        c.agreement.clone(),
        fresh.clone(),
    );
    let second_agreement = write(store, move |tx| {
        let mut again = User {
            email: pm.email.clone(),
            ..user(&org, Role::BenefitAdmin)
        };
        assert_eq!(
            tx.insert_user(&again),
            Err(StoreError::Duplicate("user_email"))
        );
        again.email = "someone.else@example.com".into();
        again.id = pm.id;
        assert_eq!(
            tx.insert_user(&again),
            Err(StoreError::Duplicate("user_id"))
        );
        assert_eq!(tx.insert_org(&org), Err(StoreError::Duplicate("org_id")));
        let mut other = agreement(&org, &a.number, 0);
        assert_eq!(
            tx.insert_agreement(&other),
            Err(StoreError::Duplicate("agreement_number"))
        );
        other.number = "A-2".into();
        tx.insert_agreement(&other)?;
        assert_eq!(
            tx.insert_voucher(&twin_code),
            Err(StoreError::Duplicate("voucher_code"))
        );
        tx.insert_voucher(&written)?;
        let mut e = entry(a.id, 5, LedgerReason::Accrual);
        assert!(tx.post_ledger(&e)?);
        e.delta = 7;
        assert_eq!(
            tx.post_ledger(&e),
            Err(StoreError::Duplicate("ledger_entry_id"))
        );
        Ok(other)
    });
    let (customer, a, fresh) = (c.org.id, c.agreement.id, fresh.id);
    read(store, move |tx| {
        assert!(tx.voucher(fresh)?.is_some());
        assert_eq!(tx.agreements(customer)?.len(), 2);
        assert_eq!(
            tx.agreement(second_agreement.id)?,
            Some(second_agreement.clone())
        );
        assert_eq!(tx.users(customer)?.len(), 2);
        // The refused entry moved nothing.
        assert_eq!(tx.agreement(a)?.map(|a| a.available), Some(5));
        assert_eq!(tx.pool_totals(a)?.sum, 5);
        Ok(())
    });
}
