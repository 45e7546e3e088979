//! The contract: Vouchers: round trips, unique keys, versioned updates, scopes and queries.

use super::*;

/// A voucher without a reservation reads back equal by id and by code.
pub fn a_voucher_without_a_reservation_reads_back_by_id_and_code(store: &dyn Store) {
    let c = customer(store, "Customer", 10);
    let p = partner(store, "Partner");
    let created = voucher(&c.agreement, &c.pm, &c.admin);
    let assigned = assigned(voucher(&c.agreement, &c.pm, &c.admin), p.org.id);
    insert_vouchers(store, &[&created, &assigned]);

    for v in [&created, &assigned] {
        let (id, code) = (v.id, v.code);
        assert_eq!(read(store, move |tx| Ok(tx.voucher(id)?)).as_ref(), Some(v));
        assert_eq!(
            read(store, move |tx| Ok(tx.voucher_by_code(&code)?)).as_ref(),
            Some(v)
        );
    }
    let missing = VoucherCode::generate();
    assert_eq!(
        read(store, move |tx| Ok(tx.voucher_by_code(&missing)?)),
        None
    );
    let missing = VoucherId::new();
    assert_eq!(read(store, move |tx| Ok(tx.voucher(missing)?)), None);
}

/// A reserved voucher reads back with every field of its reservation, and
/// giving the reservation up clears them all.
pub fn a_reserved_voucher_reads_back_with_its_reservation(store: &dyn Store) {
    let c = customer(store, "Customer", 10);
    let p = partner(store, "Partner");
    let v = reserved(
        voucher(&c.agreement, &c.pm, &c.admin),
        &p.location,
        &p.consultants[0],
        &p.admin,
    );
    insert_vouchers(store, &[&v]);
    let id = v.id;
    assert_eq!(read(store, move |tx| Ok(tx.voucher(id)?)), Some(v.clone()));

    let mut given_up = v.clone();
    given_up.state = VoucherState::Assigned;
    given_up.reservation = None;
    given_up.version += 1;
    let update = given_up.clone();
    write(store, move |tx| Ok(tx.update_voucher(&update)?));
    assert_eq!(read(store, move |tx| Ok(tx.voucher(id)?)), Some(given_up));
}

/// A voucher whose code is taken is refused as `voucher_code`.
pub fn a_taken_voucher_code_is_a_duplicate_voucher_code(store: &dyn Store) {
    let c = customer(store, "Customer", 10);
    let first = voucher(&c.agreement, &c.pm, &c.admin);
    insert_vouchers(store, &[&first]);
    let twin = Voucher {
        code: first.code,
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    let attempt = twin.clone();
    let outcome = write_blocking(store, move |tx| Ok(tx.insert_voucher(&attempt)?));
    assert_eq!(store_error(outcome), StoreError::Duplicate("voucher_code"));
    let id = twin.id;
    assert_eq!(read(store, move |tx| Ok(tx.voucher(id)?)), None);
}

/// Updating a voucher from a version that is no longer the stored one is
/// `Stale` and changes nothing; from the right version it writes every field.
pub fn updating_a_voucher_from_a_stale_version_is_refused_and_changes_nothing(store: &dyn Store) {
    let c = customer(store, "Customer", 10);
    let p = partner(store, "Partner");
    let v = voucher(&c.agreement, &c.pm, &c.admin);
    insert_vouchers(store, &[&v]);
    let id = v.id;

    let mut next = assigned(v.clone(), p.org.id);
    next.version = 1;
    let update = next.clone();
    write(store, move |tx| Ok(tx.update_voucher(&update)?));
    assert_eq!(
        read(store, move |tx| Ok(tx.voucher(id)?)),
        Some(next.clone())
    );

    // Written again as if from version 0: the stored version is 1 now.
    let mut stale = reserved(v.clone(), &p.location, &p.consultants[0], &p.admin);
    stale.version = 1;
    let update = stale.clone();
    let outcome = write_blocking(store, move |tx| Ok(tx.update_voucher(&update)?));
    assert_eq!(store_error(outcome), StoreError::Stale);
    // And from a version in the future.
    stale.version = 5;
    let update = stale.clone();
    let outcome = write_blocking(store, move |tx| Ok(tx.update_voucher(&update)?));
    assert_eq!(store_error(outcome), StoreError::Stale);
    assert_eq!(read(store, move |tx| Ok(tx.voucher(id)?)), Some(next));

    let mut unknown = voucher(&c.agreement, &c.pm, &c.admin);
    unknown.version = 1;
    let outcome = write_blocking(store, move |tx| Ok(tx.update_voucher(&unknown)?));
    assert_eq!(store_error(outcome), StoreError::Stale);
}

/// Each scope sees exactly its own vouchers: a customer its own, a partner
/// those assigned to it, a consultant those they deliver, a project manager
/// those assigned to them. Another tenant's vouchers never appear.
pub fn vouchers_are_scoped_to_the_reader(store: &dyn Store) {
    let t = tenants(store);
    let k1 = &t.p1.consultants[0];
    let cases = [
        (Scope::All, vec![&t.v1, &t.v2, &t.v3, &t.v4, &t.v5]),
        (Scope::Customer(t.c1.org.id), vec![&t.v1, &t.v2, &t.v3]),
        (Scope::Customer(t.c2.org.id), vec![&t.v4, &t.v5]),
        (Scope::Partner(t.p1.org.id), vec![&t.v1, &t.v2, &t.v5]),
        (Scope::Partner(t.p2.org.id), vec![&t.v4]),
        (Scope::Consultant(t.p1.org.id, k1.id), vec![&t.v1]),
        (Scope::Consultant(t.p2.org.id, k1.id), vec![]),
        (
            Scope::Consultant(t.p2.org.id, t.p2.consultants[1].id),
            vec![],
        ),
        (
            Scope::ProjectManager(t.c1.org.id, t.c1.pm.id),
            vec![&t.v1, &t.v3],
        ),
        (Scope::ProjectManager(t.c1.org.id, t.pm1b.id), vec![&t.v2]),
        (Scope::ProjectManager(t.c2.org.id, t.c1.pm.id), vec![]),
        (Scope::Customer(t.p1.org.id), vec![]),
        (Scope::Partner(t.c1.org.id), vec![]),
    ];
    for (scope, expected) in cases {
        let got = all_vouchers(store, scope, None);
        let expected: Vec<Voucher> =
            sorted_by_id(expected.into_iter().cloned().collect(), |v| v.id);
        assert_eq!(got, expected, "{scope:?}");
    }
    let reserved_for_p1 = all_vouchers(
        store,
        Scope::Partner(t.p1.org.id),
        Some(VoucherState::Reserved),
    );
    assert_eq!(ids(&reserved_for_p1), ids(&[t.v1.clone(), t.v2.clone()]));
    let created_for_c2 = all_vouchers(
        store,
        Scope::Customer(t.c2.org.id),
        Some(VoucherState::Created),
    );
    assert!(created_for_c2.is_empty());
}

/// Voucher counts by state follow the same scopes.
pub fn voucher_counts_are_scoped_to_the_reader(store: &dyn Store) {
    use VoucherState::{Assigned, Created, Reserved};
    let t = tenants(store);
    let k1 = t.p1.consultants[0].id;
    let cases = [
        (Scope::All, vec![(Created, 1), (Assigned, 1), (Reserved, 3)]),
        (
            Scope::Customer(t.c1.org.id),
            vec![(Created, 1), (Reserved, 2)],
        ),
        (
            Scope::Customer(t.c2.org.id),
            vec![(Assigned, 1), (Reserved, 1)],
        ),
        (
            Scope::Partner(t.p1.org.id),
            vec![(Assigned, 1), (Reserved, 2)],
        ),
        (Scope::Partner(t.p2.org.id), vec![(Reserved, 1)]),
        (Scope::Consultant(t.p1.org.id, k1), vec![(Reserved, 1)]),
        (Scope::Consultant(t.p2.org.id, k1), vec![]),
        (
            Scope::ProjectManager(t.c1.org.id, t.c1.pm.id),
            vec![(Created, 1), (Reserved, 1)],
        ),
        (Scope::ProjectManager(t.c2.org.id, t.c1.pm.id), vec![]),
    ];
    for (scope, expected) in cases {
        let mut got = read(store, move |tx| Ok(tx.voucher_counts(scope)?));
        got.retain(|(_, n)| *n > 0);
        got.sort();
        assert_eq!(got, expected, "{scope:?}");
    }
}

/// Walking the vouchers page by page with the keyset cursor returns every
/// voucher exactly once, in id order, with or without a state filter.
pub fn keyset_pagination_returns_every_voucher_exactly_once(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let other = customer(store, "Other", 100);
    let p = partner(store, "Partner");
    let mut mine = Vec::new();
    for i in 0..23 {
        let v = voucher(&c.agreement, &c.pm, &c.admin);
        mine.push(if i % 2 == 0 { assigned(v, p.org.id) } else { v });
    }
    let theirs: Vec<Voucher> = (0..5)
        .map(|_| voucher(&other.agreement, &other.pm, &other.admin))
        .collect();
    let all: Vec<&Voucher> = mine.iter().chain(&theirs).collect();
    insert_vouchers(store, &all);

    for (state, expected) in [
        (None, mine.clone()),
        (
            Some(VoucherState::Assigned),
            mine.iter()
                .filter(|v| v.state == VoucherState::Assigned)
                .cloned()
                .collect(),
        ),
    ] {
        for limit in [1_u32, 4, 23, 50] {
            let mut seen: Vec<Voucher> = Vec::new();
            let mut after = None;
            loop {
                let query = VoucherQuery {
                    scope: Scope::Customer(c.org.id),
                    state,
                    after,
                    limit,
                };
                let page = read(store, move |tx| Ok(tx.vouchers(&query)?));
                assert!(page.len() <= limit as usize);
                let Some(last) = page.last() else { break };
                after = Some(last.id);
                let full = page.len() == limit as usize;
                seen.extend(page);
                if !full {
                    break;
                }
            }
            assert!(seen.windows(2).all(|w| w[0].id < w[1].id), "in id order");
            assert_eq!(
                seen,
                sorted_by_id(expected.clone(), |v| v.id),
                "limit {limit}"
            );
        }
    }
}

/// Live vouchers (not cancelled, expired or removed) are counted per
/// customer, engagement and length.
pub fn live_vouchers_are_counted_per_customer_engagement_and_length(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let other = customer(store, "Other", 100);
    let of = |days: u32, state: VoucherState, c: &Customer| Voucher {
        days: Days(days),
        state,
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    let mut vouchers = Vec::new();
    for s in VoucherState::ALL {
        vouchers.push(of(10, s, &c));
    }
    for s in [
        VoucherState::Reserved,
        VoucherState::Cancelled,
        VoucherState::Expired,
        VoucherState::Removed,
    ] {
        vouchers.push(of(15, s, &c));
    }
    vouchers.push(Voucher {
        engagement: "SDPS-SQL".into(),
        ..of(15, VoucherState::Created, &c)
    });
    vouchers.push(of(15, VoucherState::Created, &other));
    vouchers.push(of(5, VoucherState::Created, &c));
    insert_vouchers(store, &vouchers.iter().collect::<Vec<_>>());

    let count = |customer: OrgId, engagement: &'static str, days: u32| {
        read(store, move |tx| {
            Ok(tx.count_live_vouchers(customer, engagement, days)?)
        })
    };
    assert_eq!(count(c.org.id, "DDPS-AZURE", 10), 7);
    assert_eq!(count(c.org.id, "DDPS-AZURE", 15), 1);
    assert_eq!(count(c.org.id, "DDPS-AZURE", 5), 1);
    assert_eq!(count(c.org.id, "DDPS-AZURE", 3), 0);
    assert_eq!(count(c.org.id, "SDPS-SQL", 15), 1);
    assert_eq!(count(other.org.id, "DDPS-AZURE", 15), 1);
    assert_eq!(count(OrgId::new(), "DDPS-AZURE", 15), 0);
}

/// A customer holds at most one live 15-day voucher per engagement: a second
/// is `Duplicate("fifteen_day_engagement")`, and nothing of it is written; once
/// the first is cancelled, another may be created.
pub fn a_second_live_fifteen_day_voucher_is_a_duplicate(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let first = Voucher {
        days: Days(15),
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    insert_vouchers(store, &[&first]);
    let second = Voucher {
        days: Days(15),
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    let attempt = second.clone();
    let r = write(store, move |tx| Ok(tx.insert_voucher(&attempt)));
    assert_eq!(r, Err(StoreError::Duplicate("fifteen_day_engagement")));
    let id = second.id;
    assert_eq!(read(store, move |tx| Ok(tx.voucher(id)?)), None);
    let cancelled = Voucher {
        state: VoucherState::Cancelled,
        version: first.version + 1,
        ..first.clone()
    };
    write(store, move |tx| Ok(tx.update_voucher(&cancelled)?));
    insert_vouchers(store, &[&second]);
}

/// The expiry sweep finds open vouchers whose expiry date is before today,
/// up to a limit, and never a closed one or one expiring today.
pub fn open_vouchers_past_their_expiry_are_found_for_the_sweep(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let today = date(2026, 1, 15);
    let on = |expires_on: Date, state: VoucherState| Voucher {
        expires_on,
        state,
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    let mut expected = Vec::new();
    let mut vouchers = Vec::new();
    for state in VoucherState::ALL {
        let past = on(date(2026, 1, 14), state);
        let long_past = on(date(2025, 12, 31), state);
        if state.is_open() {
            expected.push(past.clone());
            expected.push(long_past.clone());
        }
        vouchers.extend([
            past,
            long_past,
            on(today, state),
            on(date(2026, 2, 1), state),
        ]);
    }
    insert_vouchers(store, &vouchers.iter().collect::<Vec<_>>());

    let found = read(
        store,
        move |tx| Ok(tx.vouchers_expired_before(today, 1000)?),
    );
    assert_eq!(ids(&found), ids(&expected));
    assert_eq!(found.len(), expected.len());
    let limited = read(store, move |tx| Ok(tx.vouchers_expired_before(today, 3)?));
    assert_eq!(limited.len(), 3);
    assert!(ids(&limited).is_subset(&ids(&expected)));
    let none = read(store, |tx| {
        Ok(tx.vouchers_expired_before(date(2025, 12, 31), 1000)?)
    });
    assert!(none.is_empty());
}

/// Thirty-two concurrent updates from the same version: exactly one wins,
/// the others are `Stale`, and the winner's voucher is what is stored.
pub fn racing_updates_from_one_version_let_exactly_one_win(store: &dyn Store) {
    let c = customer(store, "Customer", 10);
    let p = partner(store, "Partner");
    let v = voucher(&c.agreement, &c.pm, &c.admin);
    insert_vouchers(store, &[&v]);

    let outcomes: Vec<(Voucher, Result<(), Error>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..32)
            .map(|i| {
                let mut next = assigned(v.clone(), p.org.id);
                next.engagement = format!("ENGAGEMENT-{i}");
                next.version = v.version + 1;
                s.spawn(move || {
                    let update = next.clone();
                    let outcome = write_blocking(store, move |tx| Ok(tx.update_voucher(&update)?));
                    (next, outcome)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an updater"))
            .collect()
    });
    let winners: Vec<&Voucher> = outcomes
        .iter()
        .filter(|(_, o)| o.is_ok())
        .map(|(v, _)| v)
        .collect();
    assert_eq!(winners.len(), 1, "exactly one update wins");
    for (_, o) in &outcomes {
        if let Err(e) = o {
            assert_eq!(e, &Error::Store(StoreError::Stale));
        }
    }
    let id = v.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.voucher(id)?)).as_ref(),
        Some(winners[0])
    );
}

/// Sixteen concurrent transitions that each read a voucher by code and
/// update it if it is still `created`: one wins, and every other one sees
/// the winner's write rather than meeting a stale version (the read for
/// update makes them wait, or the store runs them one at a time).
pub fn racing_transitions_read_for_update_and_the_losers_see_the_winner(store: &dyn Store) {
    const RACERS: usize = 16;
    let c = customer(store, "Customer", 0);
    let p = partner(store, "Partner");
    let v = voucher(&c.agreement, &c.pm, &c.admin);
    insert_vouchers(store, &[&v]);
    let start = std::sync::Barrier::new(RACERS);
    let outcomes: Vec<Result<bool, Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..RACERS)
            .map(|_| {
                let (start, code, partner) = (&start, v.code, p.org.id);
                s.spawn(move || {
                    start.wait();
                    write_blocking(store, move |tx| {
                        let mut v = tx.voucher_by_code(&code)?.expect("the voucher");
                        if v.state != VoucherState::Created {
                            return Ok(false);
                        }
                        v.state = VoucherState::Assigned;
                        v.partner_id = Some(partner);
                        v.version += 1;
                        tx.update_voucher(&v)?;
                        Ok(true)
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a racer"))
            .collect()
    });
    assert_eq!(
        outcomes.iter().filter(|r| **r == Ok(true)).count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes.iter().filter(|r| **r == Ok(false)).count(),
        RACERS - 1
    );
}

/// A batch of state changes (as the expiry sweep writes them) writes each
/// voucher whose stored version is the one before, with its state, version
/// and reservation and nothing else, and names the ones it wrote; a voucher
/// changed meanwhile is left as it is, and the same batch again writes none.
pub fn a_batch_of_state_changes_writes_only_the_vouchers_still_at_their_version(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let p = partner(store, "Partner");
    let booked = reserved(
        voucher(&c.agreement, &c.pm, &c.admin),
        &p.location,
        &p.consultants[0],
        &p.admin,
    );
    let waiting = assigned(voucher(&c.agreement, &c.pm, &c.admin), p.org.id);
    let raced = voucher(&c.agreement, &c.pm, &c.admin);
    let to_book = assigned(voucher(&c.agreement, &c.pm, &c.admin), p.org.id);
    insert_vouchers(store, &[&booked, &waiting, &raced, &to_book]);
    // Someone else moves `raced` first.
    let moved = Voucher {
        state: VoucherState::Assigned,
        partner_id: Some(p.org.id),
        version: raced.version + 1,
        ..raced.clone()
    };
    let write_moved = moved.clone();
    write(store, move |tx| Ok(tx.update_voucher(&write_moved)?));

    let expire = |v: &Voucher| Voucher {
        state: VoucherState::Expired,
        reservation: None,
        version: v.version + 1,
        ..v.clone()
    };
    let batch = vec![
        expire(&booked),
        // Only the state, version and reservation are written.
        Voucher {
            engagement: "NOT-WRITTEN".into(),
            ..expire(&waiting)
        },
        expire(&raced),
    ];
    // A change that sets a reservation, in the same batch.
    let booking = Voucher {
        state: VoucherState::Reserved,
        reservation: booked.reservation.clone(),
        version: to_book.version + 1,
        ..to_book.clone()
    };
    let batch = [batch, vec![booking.clone()]].concat();
    let first = batch.clone();
    let written = write(store, move |tx| Ok(tx.update_voucher_states(&first)?));
    assert_eq!(
        written.into_iter().collect::<BTreeSet<_>>(),
        BTreeSet::from([booked.id, waiting.id, to_book.id])
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.voucher(to_book.id)?)).expect("stored"),
        booking
    );
    let stored = |id: VoucherId| read(store, move |tx| Ok(tx.voucher(id)?)).expect("stored");
    assert_eq!(stored(booked.id), expire(&booked));
    assert_eq!(stored(waiting.id), expire(&waiting));
    assert_eq!(stored(raced.id), moved);

    let again = batch.clone();
    let written = write(store, move |tx| Ok(tx.update_voucher_states(&again)?));
    assert!(written.is_empty(), "{written:?}");
    assert_eq!(stored(booked.id), expire(&booked));
    assert!(write(store, |tx| Ok(tx.update_voucher_states(&[])?)).is_empty());
}
