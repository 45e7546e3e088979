//! The contract: The journal of events.

use super::*;

/// Events read back in append order with every field, their JSON payload
/// intact, and per voucher.
pub fn events_read_back_with_their_payload_in_append_order(store: &dyn Store) {
    let c = customer(store, "Customer", 10);
    let p = partner(store, "Partner");
    let v = assigned(voucher(&c.agreement, &c.pm, &c.admin), p.org.id);
    insert_vouchers(store, &[&v]);
    let payload = json!({
        "days": 3,
        "negative": -42,
        "big": 9_007_199_254_740_993_i64,
        "ratio": 0.5,
        "text": "Réservé — «ok» \"quoted\" \\ 日本",
        "list": [1, "two", null, true, {"nested": []}],
        "none": null,
    });
    let events = vec![
        NewEvent::raw("voucher.created", now(), Some(c.admin.id), 3, payload).voucher(&v),
        NewEvent::raw("program.changed", now(), None, 4, json!({})),
        NewEvent::raw("benefit.activated", now(), Some(c.admin.id), 4, json!([]))
            .customer(c.org.id),
        NewEvent::raw("voucher.assigned", now(), Some(c.admin.id), 4, json!("x")).voucher(&v),
    ];
    let appended = events.clone();
    let seqs = write(store, move |tx| {
        appended
            .iter()
            .map(|e| Ok(tx.append_event(e)?))
            .collect::<Result<Vec<i64>, Error>>()
    });
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    let expected: Vec<Event> = events
        .iter()
        .zip(&seqs)
        .map(|(e, &seq)| Event {
            seq,
            id: e.id,
            at: e.at,
            actor_id: e.actor_id,
            kind: e.kind.clone(),
            payload: e.payload.clone(),
            voucher_id: e.voucher_id,
            customer_id: e.customer_id,
            partner_id: e.partner_id,
            program_version: e.program_version,
        })
        .collect();
    assert_eq!(
        read(store, |tx| Ok(tx.events_after(Scope::All, 0, 100)?)),
        expected
    );
    let id = v.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.voucher_events(id)?)),
        vec![expected[0].clone(), expected[3].clone()]
    );
}

/// Events follow the journal's scopes: a customer sees the events naming it, a
/// partner likewise; a project manager or a consultant sees only the events of
/// the vouchers they can see.
pub fn events_are_scoped_to_the_reader(store: &dyn Store) {
    let t = tenants(store);
    let now = Timestamp::now;
    let events = vec![
        NewEvent::raw("voucher.reserved", now(), Some(t.p1.admin.id), 1, json!({})).voucher(&t.v1),
        NewEvent::raw("voucher.reserved", now(), Some(t.p2.admin.id), 1, json!({})).voucher(&t.v4),
        NewEvent::raw("voucher.assigned", now(), Some(t.c2.admin.id), 1, json!({})).voucher(&t.v5),
        NewEvent::raw("voucher.created", now(), Some(t.c1.admin.id), 1, json!({})).voucher(&t.v3),
        NewEvent::raw("partner.enrolled", now(), None, 1, json!({})).partner(t.p2.org.id),
        NewEvent::raw("program.changed", now(), None, 2, json!({})),
    ];
    let appended = events.clone();
    write(store, move |tx| {
        for e in &appended {
            tx.append_event(e)?;
        }
        Ok(())
    });
    let ids_for = |scope: Scope| -> Vec<EventId> {
        read(store, move |tx| Ok(tx.events_after(scope, 0, 100)?))
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    let e: Vec<EventId> = events.iter().map(|e| e.id).collect();
    let k1 = t.p1.consultants[0].id;
    let cases = [
        (Scope::All, e.clone()),
        (Scope::Customer(t.c1.org.id), vec![e[0], e[3]]),
        (Scope::ProjectManager(t.c1.org.id, t.pm1b.id), vec![]),
        (
            Scope::ProjectManager(t.c1.org.id, t.c1.pm.id),
            vec![e[0], e[3]],
        ),
        (Scope::Customer(t.c2.org.id), vec![e[1], e[2]]),
        (Scope::Partner(t.p1.org.id), vec![e[0], e[2]]),
        (Scope::Consultant(t.p1.org.id, k1), vec![e[0]]),
        (Scope::Consultant(t.p2.org.id, k1), vec![]),
        (Scope::Partner(t.p2.org.id), vec![e[1], e[4]]),
        (Scope::Customer(OrgId::new()), vec![]),
        (Scope::Partner(t.c1.org.id), vec![]),
    ];
    for (scope, expected) in cases {
        assert_eq!(ids_for(scope), expected, "{scope:?}");
    }
}

/// `events_after` returns the events after a sequence number, in strictly
/// increasing order, a page at a time.
pub fn events_after_returns_later_events_in_strictly_increasing_order(store: &dyn Store) {
    let events: Vec<NewEvent> = (0..30)
        .map(|i| NewEvent::raw("test.tick", now(), None, 1, json!({ "i": i })))
        .collect();
    // Appended by several concurrent writers, some in one unit of work each.
    std::thread::scope(|s| {
        for chunk in events.chunks(5) {
            let chunk = chunk.to_vec();
            s.spawn(move || {
                for e in chunk {
                    write(store, move |tx| Ok(tx.append_event(&e)?));
                }
            });
        }
    });
    let all = read(store, |tx| Ok(tx.events_after(Scope::All, 0, 1000)?));
    assert_eq!(all.len(), 30);
    assert!(all.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(
        all.iter().map(|e| e.id).collect::<BTreeSet<_>>(),
        events.iter().map(|e| e.id).collect::<BTreeSet<_>>()
    );

    let mut paged = Vec::new();
    let mut after = 0;
    loop {
        let page = read(store, move |tx| {
            Ok(tx.events_after(Scope::All, after, 7)?)
        });
        assert!(page.len() <= 7);
        let Some(last) = page.last() else { break };
        assert!(page[0].seq > after);
        after = last.seq;
        paged.extend(page);
    }
    assert_eq!(paged, all);

    let cut = all[11].seq;
    let rest = read(store, move |tx| {
        Ok(tx.events_after(Scope::All, cut, 1000)?)
    });
    assert_eq!(rest, all[12..]);
    let later = write(store, |tx| {
        Ok(tx.append_event(&NewEvent::raw("test.tock", now(), None, 1, json!(null)))?)
    });
    assert!(later > all[29].seq);
}

/// A unit of work finds the events it has appended in the feed before it
/// commits (a store that holds back events of unfinished transactions must
/// not hold back the reader's own).
pub fn a_writer_sees_its_own_events_in_the_feed(store: &dyn Store) {
    let (appended, seen) = write(store, |tx| {
        let appended = vec![
            tx.append_event(&NewEvent::raw("test.one", now(), None, 1, json!(1)))?,
            tx.append_event(&NewEvent::raw("test.two", now(), None, 1, json!(2)))?,
        ];
        let seen: Vec<i64> = tx
            .events_after(Scope::All, 0, 10)?
            .iter()
            .map(|e| e.seq)
            .collect();
        Ok((appended, seen))
    });
    assert_eq!(appended, seen);
}

/// The totals of a kind after a sequence number count its events and sum a
/// payload field where it holds an integer (`true` as 1), leaving out other
/// kinds, earlier events, and other values.
pub fn event_totals_count_a_kind_after_a_point_and_sum_a_payload_field(store: &dyn Store) {
    let raw = |kind: &str, payload| NewEvent::raw(kind, now(), None, 1, payload);
    let earlier = raw("voucher.expired", json!({"refunded_days": 100}));
    let mark = write(store, move |tx| Ok(tx.append_event(&earlier)?));
    let events = vec![
        raw("voucher.expired", json!({"code": "A", "refunded_days": 3})),
        raw("voucher.expired", json!({"code": "B", "refunded_days": 0})),
        raw("voucher.expired", json!({"code": "C", "refunded_days": 4})),
        raw("voucher.cancelled", json!({"refunded_days": 50})),
        raw(
            "voucher.signed_off",
            json!({"deemed": true, "accepted": true}),
        ),
        raw(
            "voucher.signed_off",
            json!({"deemed": false, "accepted": true}),
        ),
        raw("voucher.signed_off", json!({"deemed": true})),
        raw(
            "odd.values",
            json!({"n": "7", "m": 1.5, "k": null, "big": -9_007_199_254_740_993_i64}),
        ),
        raw("odd.values", json!([1, 2])),
    ];
    write(store, move |tx| Ok(tx.append_events(&events)?));
    let totals = |after: i64, kind: &'static str, field: &'static str| {
        read(store, move |tx| {
            Ok(tx.event_totals_after(after, kind, field)?)
        })
    };
    assert_eq!(totals(mark, "voucher.expired", "refunded_days"), (3, 7));
    assert_eq!(
        totals(mark - 1, "voucher.expired", "refunded_days"),
        (4, 107)
    );
    assert_eq!(totals(mark, "voucher.signed_off", "deemed"), (3, 2));
    assert_eq!(totals(mark, "voucher.signed_off", "absent"), (3, 0));
    assert_eq!(totals(mark, "voucher.cancelled", ""), (1, 0));
    assert_eq!(totals(mark, "odd.values", "n"), (2, 0));
    assert_eq!(totals(mark, "odd.values", "m"), (2, 0));
    assert_eq!(totals(mark, "odd.values", "k"), (2, 0));
    assert_eq!(
        totals(mark, "odd.values", "big"),
        (2, -9_007_199_254_740_993)
    );
    assert_eq!(totals(mark, "nothing.such", "n"), (0, 0));
}

/// Appended events are sealed in `seq` order, each after its predecessor and
/// over what the store keeps (the instant to the microsecond, the payload as
/// read back), whether the store seals as it writes (SQLite) or behind the
/// writers (PostgreSQL): one at a time or as a batch.
pub fn appended_events_are_chained_in_order_over_what_is_stored(store: &dyn Store) {
    // Nanoseconds the stores do not keep: the seal must not cover them.
    let at = Timestamp::from_nanosecond(1_606_000_000_123_456_789).expect("a time in range");
    let payload = json!({"b": 1, "a": {"z": [1.5, -2], "y": "é \"q\""}, "c": null});
    let one = NewEvent::raw("program.changed", at, None, 1, payload);
    let batch: Vec<NewEvent> = (0..3)
        .map(|i| NewEvent::raw("program.changed", at, None, 2, json!({ "i": i })))
        .collect();
    write(store, move |tx| Ok(tx.append_event(&one)?));
    write(store, move |tx| Ok(tx.append_events(&batch)?));
    write(store, |tx| Ok(tx.seal_events(u32::MAX).map(drop)?));
    let chained = read(store, |tx| Ok(tx.chained_events(i64::MIN, 1_000)?));
    assert_eq!(chained.len(), 4);
    let mut prev = saps_core::chain::GENESIS.to_owned();
    for c in &chained {
        assert_eq!(c.prev_hash.as_deref(), Some(prev.as_str()), "{c:?}");
        let hash = c.hash.clone().expect("sealed");
        assert_eq!(hash, saps_core::chain::event_hash(&c.event, &prev), "{c:?}");
        prev = hash;
    }
    let head = read(store, |tx| Ok(tx.chain_head()?)).expect("a head");
    assert_eq!((head.seq, head.hash), (chained[3].event.seq, prev));
}
