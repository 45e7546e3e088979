//! The store contract: what every storage adapter must do, as plain functions
//! over a fresh `&dyn Store`. [`contract_tests!`](crate::contract_tests)
//! turns them into one `#[test]` each for an adapter.
//!
//! Every function expects an empty, migrated database of its own.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use saps_core::port::{
    IdempotentResponse, OutgoingMail, Store, Tx, VoucherQuery, read_blocking, write_blocking,
};
use saps_core::{
    Agreement, AgreementId, Days, EntryId, Error, Event, EventId, LedgerEntry, LedgerReason,
    Location, LocationId, NewEvent, Org, OrgId, OrgKind, Reservation, Role, Scope, StoreError,
    User, UserId, Voucher, VoucherCode, VoucherId, VoucherState,
};
use serde_json::json;
use std::collections::BTreeSet;

pub use crate::contract_jobs::*;
pub use crate::contract_throttle::*;

// ---------------------------------------------------------------- fixtures

/// Runs `f` in a write transaction and expects it to succeed.
fn write<R, F>(store: &dyn Store, f: F) -> R
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    write_blocking(store, f).expect("the write succeeds")
}

/// Runs `f` on a read snapshot and expects it to succeed.
fn read<R, F>(store: &dyn Store, f: F) -> R
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    read_blocking(store, f).expect("the read succeeds")
}

fn org(kind: OrgKind, name: &str) -> Org {
    Org {
        id: OrgId::new(),
        kind,
        name: name.to_owned(),
        country: "FR".into(),
        benefit_active: kind == OrgKind::Customer,
        created_at: Timestamp::now(),
    }
}

fn user(org: &Org, role: Role) -> User {
    let id = UserId::new();
    User {
        id,
        org_id: org.id,
        email: format!("{}.{id}@example.com", role.as_str()),
        name: format!("Someone {}", role.as_str()),
        role,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        created_at: Timestamp::now(),
    }
}

fn location(partner: &Org, city: &str) -> Location {
    Location {
        id: LocationId::new(),
        partner_id: partner.id,
        name: format!("{} {city}", partner.name),
        country: "FR".into(),
        city: city.to_owned(),
    }
}

fn agreement(customer: &Org, number: &str, available: i64) -> Agreement {
    Agreement {
        id: AgreementId::new(),
        customer_id: customer.id,
        number: number.to_owned(),
        sa_start: date(2020, 7, 1),
        sa_end: date(2023, 6, 30),
        days: Days(15),
        available,
        created_at: Timestamp::now(),
    }
}

fn voucher(agreement: &Agreement, pm: &User, created_by: &User) -> Voucher {
    Voucher {
        id: VoucherId::new(),
        code: VoucherCode::generate(),
        customer_id: agreement.customer_id,
        agreement_id: agreement.id,
        engagement: "DDPS-AZURE".into(),
        days: Days(3),
        project_manager_id: pm.id,
        created_by: created_by.id,
        state: VoucherState::Created,
        partner_id: None,
        reservation: None,
        created_at: Timestamp::now(),
        assigned_at: None,
        expires_on: date(2026, 6, 30),
        version: 0,
    }
}

/// The voucher assigned to a partner (as stored, not as the domain decides).
fn assigned(mut v: Voucher, partner: OrgId) -> Voucher {
    v.state = VoucherState::Assigned;
    v.partner_id = Some(partner);
    v.assigned_at = Some(Timestamp::now());
    v
}

/// The voucher assigned and reserved for a location and consultant.
fn reserved(v: Voucher, location: &Location, consultant: &User, by: &User) -> Voucher {
    let mut v = assigned(v, location.partner_id);
    v.state = VoucherState::Reserved;
    v.reservation = Some(Reservation {
        location_id: location.id,
        consultant_id: consultant.id,
        start_date: date(2026, 3, 2),
        end_date: date(2026, 3, 4),
        delivery_country: "FR".into(),
        reserved_by: by.id,
        reserved_at: Timestamp::now(),
    });
    v
}

fn entry(agreement: AgreementId, delta: i64, reason: LedgerReason) -> LedgerEntry {
    LedgerEntry {
        id: EntryId::new(),
        agreement_id: agreement,
        at: Timestamp::now(),
        delta,
        reason,
        voucher_id: None,
        event_id: EventId::new(),
    }
}

fn insert_orgs(store: &dyn Store, orgs: &[&Org]) {
    let orgs: Vec<Org> = orgs.iter().map(|o| (*o).clone()).collect();
    write(store, move |tx| {
        for o in &orgs {
            tx.insert_org(o)?;
        }
        Ok(())
    });
}

fn insert_users(store: &dyn Store, users: &[&User]) {
    let users: Vec<User> = users.iter().map(|u| (*u).clone()).collect();
    write(store, move |tx| {
        for u in &users {
            tx.insert_user(u)?;
        }
        Ok(())
    });
}

fn insert_vouchers(store: &dyn Store, vouchers: &[&Voucher]) {
    let vouchers: Vec<Voucher> = vouchers.iter().map(|v| (*v).clone()).collect();
    write(store, move |tx| {
        for v in &vouchers {
            tx.insert_voucher(v)?;
        }
        Ok(())
    });
}

/// A customer with a project manager, a benefit administrator and an agreement.
struct Customer {
    org: Org,
    pm: User,
    admin: User,
    agreement: Agreement,
}

fn customer(store: &dyn Store, name: &str, available: i64) -> Customer {
    let o = org(OrgKind::Customer, name);
    let c = Customer {
        pm: user(&o, Role::ProjectManager),
        admin: user(&o, Role::BenefitAdmin),
        agreement: agreement(&o, "A-1", available),
        org: o,
    };
    insert_orgs(store, &[&c.org]);
    insert_users(store, &[&c.pm, &c.admin]);
    let a = c.agreement.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&a)?));
    c
}

/// A partner with a location, two consultants and an administrator.
struct Partner {
    org: Org,
    location: Location,
    consultants: [User; 2],
    admin: User,
}

fn partner(store: &dyn Store, name: &str) -> Partner {
    let o = org(OrgKind::Partner, name);
    let p = Partner {
        location: location(&o, "Lyon"),
        consultants: [user(&o, Role::Consultant), user(&o, Role::Consultant)],
        admin: user(&o, Role::MpnAdmin),
        org: o,
    };
    insert_orgs(store, &[&p.org]);
    insert_users(store, &[&p.consultants[0], &p.consultants[1], &p.admin]);
    let l = p.location.clone();
    write(store, move |tx| Ok(tx.insert_location(&l)?));
    p
}

fn store_error<T: std::fmt::Debug>(outcome: Result<T, Error>) -> StoreError {
    match outcome {
        Err(Error::Store(e)) => e,
        other => panic!("expected a store error, got {other:?}"),
    }
}

fn sorted_by_id<T, K: Ord>(mut items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    items.sort_by_key(key);
    items
}

fn ids(vouchers: &[Voucher]) -> BTreeSet<VoucherId> {
    vouchers.iter().map(|v| v.id).collect()
}

fn all_vouchers(store: &dyn Store, scope: Scope, state: Option<VoucherState>) -> Vec<Voucher> {
    read(store, move |tx| {
        Ok(tx.vouchers(&VoucherQuery {
            scope,
            state,
            after: None,
            limit: 10_000,
        })?)
    })
}

// ------------------------------------------------------------ the contract

/// Organisations of every kind read back equal, by id and by kind, and the
/// benefit flag can be switched.
pub fn an_org_reads_back_with_every_field_equal(store: &dyn Store) {
    let operator = org(OrgKind::Operator, "Operator");
    let partner = org(OrgKind::Partner, "Partner Ltd");
    let customer = Org {
        name: "Cliente São João — «Ünïcødé»".into(),
        country: "BR".into(),
        ..org(OrgKind::Customer, "")
    };
    let other = org(OrgKind::Customer, "Other customer");
    insert_orgs(store, &[&operator, &partner, &customer, &other]);

    for o in [&operator, &partner, &customer, &other] {
        let id = o.id;
        assert_eq!(read(store, move |tx| Ok(tx.org(id)?)).as_ref(), Some(o));
    }
    let customers = read(store, |tx| Ok(tx.orgs(OrgKind::Customer)?));
    assert_eq!(
        sorted_by_id(customers, |o| o.id),
        sorted_by_id(vec![customer.clone(), other.clone()], |o| o.id)
    );
    assert_eq!(
        read(store, |tx| Ok(tx.orgs(OrgKind::Partner)?)),
        vec![partner.clone()]
    );
    let missing = OrgId::new();
    assert_eq!(read(store, move |tx| Ok(tx.org(missing)?)), None);

    let id = customer.id;
    write(store, move |tx| Ok(tx.set_benefit_active(id, false)?));
    let stored = read(store, move |tx| Ok(tx.org(id)?)).expect("the customer");
    assert!(!stored.benefit_active);
    write(store, move |tx| Ok(tx.set_benefit_active(id, true)?));
    let stored = read(store, move |tx| Ok(tx.org(id)?)).expect("the customer");
    assert!(stored.benefit_active);
}

/// A location reads back equal and is listed under its partner only.
pub fn a_location_reads_back_and_is_listed_under_its_partner(store: &dyn Store) {
    let p1 = partner(store, "Partner one");
    let p2 = partner(store, "Partner two");
    let second = location(&p1.org, "Paris");
    let l = second.clone();
    write(store, move |tx| Ok(tx.insert_location(&l)?));

    let id = second.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.location(id)?)),
        Some(second.clone())
    );
    let partner_id = p1.org.id;
    assert_eq!(
        sorted_by_id(read(store, move |tx| Ok(tx.locations(partner_id)?)), |l| l
            .id),
        sorted_by_id(vec![p1.location.clone(), second], |l| l.id)
    );
    let partner_id = p2.org.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.locations(partner_id)?)),
        vec![p2.location]
    );
    let missing = LocationId::new();
    assert_eq!(read(store, move |tx| Ok(tx.location(missing)?)), None);
}

/// A user reads back equal by id, by e-mail, by API token and in its org.
pub fn a_user_reads_back_by_id_email_and_token(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let other = customer(store, "Other", 0);
    let at = Timestamp::now();
    let admin = c.admin.id;
    write(store, move |tx| {
        Ok(tx.insert_token("sha256-of-a-token", admin, at)?)
    });

    let (id, email) = (c.pm.id, c.pm.email.clone());
    assert_eq!(read(store, move |tx| Ok(tx.user(id)?)), Some(c.pm.clone()));
    assert_eq!(
        read(store, move |tx| Ok(tx.user_by_email(&email)?)),
        Some(c.pm.clone())
    );
    let before = at - jiff::SignedDuration::from_secs(1);
    assert_eq!(
        read(store, move |tx| Ok(
            tx.user_by_token("sha256-of-a-token", before)?
        )),
        Some(c.admin.clone())
    );
    assert_eq!(
        read(store, move |tx| Ok(
            tx.user_by_token("sha256-of-a-token", at)?
        )),
        None,
        "a token issued before the cut-off has expired"
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.user_by_token("unknown", before)?)),
        None
    );
    assert_eq!(
        read(store, |tx| Ok(tx.user_by_email("nobody@example.com")?)),
        None
    );
    let org = c.org.id;
    assert_eq!(
        sorted_by_id(read(store, move |tx| Ok(tx.users(org)?)), |u| u.id),
        sorted_by_id(vec![c.pm, c.admin], |u| u.id)
    );
    let org = other.org.id;
    assert_eq!(read(store, move |tx| Ok(tx.users(org)?)).len(), 2);
}

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
        NewEvent::new(
            "voucher.created",
            Timestamp::now(),
            Some(c.admin.id),
            3,
            payload,
        )
        .voucher(&v),
        NewEvent::new("program.changed", Timestamp::now(), None, 4, json!({})),
        NewEvent::new(
            "benefit.activated",
            Timestamp::now(),
            Some(c.admin.id),
            4,
            json!([]),
        )
        .customer(c.org.id),
        NewEvent::new(
            "voucher.assigned",
            Timestamp::now(),
            Some(c.admin.id),
            4,
            json!("x"),
        )
        .voucher(&v),
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

/// Timestamps come back to the nanosecond, dates to the day.
pub fn timestamps_round_trip_to_the_nanosecond(store: &dyn Store) {
    let mut o = org(OrgKind::Customer, "Precise");
    o.created_at = "2024-02-29T23:59:59.123456789Z"
        .parse()
        .expect("a timestamp");
    insert_orgs(store, &[&o]);
    let mut a = agreement(&o, "A-1", 0);
    a.created_at = "1999-12-31T00:00:00.000000001Z"
        .parse()
        .expect("a timestamp");
    a.sa_start = date(2024, 2, 29);
    a.sa_end = date(2027, 2, 28);
    let stored = a.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&stored)?));
    let id = o.id;
    assert_eq!(read(store, move |tx| Ok(tx.org(id)?)), Some(o));
    let id = a.id;
    assert_eq!(read(store, move |tx| Ok(tx.agreement(id)?)), Some(a));
}

/// A second user with a taken e-mail is refused as `user_email`, and nothing
/// of the refused one is kept.
pub fn a_taken_email_is_a_duplicate_user_email(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let twin = User {
        email: c.pm.email.clone(),
        ..user(&c.org, Role::BenefitAdmin)
    };
    let attempt = twin.clone();
    let outcome = write_blocking(store, move |tx| Ok(tx.insert_user(&attempt)?));
    assert_eq!(store_error(outcome), StoreError::Duplicate("user_email"));
    let id = twin.id;
    assert_eq!(read(store, move |tx| Ok(tx.user(id)?)), None);
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

/// Two customers, two partners, their people and five vouchers spread among
/// them, for the scoping tests.
struct Tenants {
    c1: Customer,
    pm1b: User,
    c2: Customer,
    p1: Partner,
    p2: Partner,
    /// c1/pm, p1, reserved for p1's first consultant
    v1: Voucher,
    /// c1/pm1b, p1, reserved for p1's second consultant
    v2: Voucher,
    /// c1/pm, not assigned
    v3: Voucher,
    /// c2/pm, p2, reserved for p2's first consultant
    v4: Voucher,
    /// c2/pm, assigned to p1
    v5: Voucher,
}

fn tenants(store: &dyn Store) -> Tenants {
    let c1 = customer(store, "Customer one", 30);
    let c2 = customer(store, "Customer two", 30);
    let pm1b = user(&c1.org, Role::ProjectManager);
    insert_users(store, &[&pm1b]);
    let p1 = partner(store, "Partner one");
    let p2 = partner(store, "Partner two");
    let v1 = reserved(
        voucher(&c1.agreement, &c1.pm, &c1.admin),
        &p1.location,
        &p1.consultants[0],
        &p1.admin,
    );
    let v2 = reserved(
        voucher(&c1.agreement, &pm1b, &c1.admin),
        &p1.location,
        &p1.consultants[1],
        &p1.admin,
    );
    let v3 = voucher(&c1.agreement, &c1.pm, &c1.admin);
    let v4 = reserved(
        voucher(&c2.agreement, &c2.pm, &c2.admin),
        &p2.location,
        &p2.consultants[0],
        &p2.admin,
    );
    let v5 = assigned(voucher(&c2.agreement, &c2.pm, &c2.admin), p1.org.id);
    insert_vouchers(store, &[&v1, &v2, &v3, &v4, &v5]);
    Tenants {
        c1,
        pm1b,
        c2,
        p1,
        p2,
        v1,
        v2,
        v3,
        v4,
        v5,
    }
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

/// Events follow the journal's scopes: a customer sees the events naming it, a
/// partner likewise; a project manager or a consultant sees only the events of
/// the vouchers they can see.
pub fn events_are_scoped_to_the_reader(store: &dyn Store) {
    let t = tenants(store);
    let now = Timestamp::now;
    let events = vec![
        NewEvent::new("voucher.reserved", now(), Some(t.p1.admin.id), 1, json!({})).voucher(&t.v1),
        NewEvent::new("voucher.reserved", now(), Some(t.p2.admin.id), 1, json!({})).voucher(&t.v4),
        NewEvent::new("voucher.assigned", now(), Some(t.c2.admin.id), 1, json!({})).voucher(&t.v5),
        NewEvent::new("voucher.created", now(), Some(t.c1.admin.id), 1, json!({})).voucher(&t.v3),
        NewEvent::new("partner.enrolled", now(), None, 1, json!({})).partner(t.p2.org.id),
        NewEvent::new("program.changed", now(), None, 2, json!({})),
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

/// `events_after` returns the events after a sequence number, in strictly
/// increasing order, a page at a time.
pub fn events_after_returns_later_events_in_strictly_increasing_order(store: &dyn Store) {
    let events: Vec<NewEvent> = (0..30)
        .map(|i| NewEvent::new("test.tick", Timestamp::now(), None, 1, json!({ "i": i })))
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
        Ok(tx.append_event(&NewEvent::new(
            "test.tock",
            Timestamp::now(),
            None,
            1,
            json!(null),
        ))?)
    });
    assert!(later > all[29].seq);
}

/// An idempotency key is claimed once per user (pending until completed),
/// replays the completed response, and is free again once released.
pub fn an_idempotency_key_is_claimed_completed_replayed_and_released(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let (u, other) = (c.admin.id, c.pm.id);
    let claim = |user: UserId, key: &'static str, hash: &'static str| {
        write(store, move |tx| {
            Ok(tx.claim_idempotency_key(
                user,
                key,
                hash,
                Timestamp::now(),
                Timestamp::UNIX_EPOCH,
            )?)
        })
    };

    assert_eq!(claim(u, "key-1", "hash-a"), None);
    assert_eq!(
        claim(u, "key-1", "hash-a"),
        Some(IdempotentResponse {
            request_hash: "hash-a".into(),
            status: None,
            body: vec![],
        }),
        "a pending claim is reported as pending"
    );
    assert_eq!(
        claim(other, "key-1", "hash-b"),
        None,
        "keys belong to one user"
    );

    let body = br#"{"id":"v-1","state":"created"}"#.to_vec();
    let stored = body.clone();
    write(store, move |tx| {
        Ok(tx.complete_idempotency_key(u, "key-1", 201, &stored)?)
    });
    let done = Some(IdempotentResponse {
        request_hash: "hash-a".into(),
        status: Some(201),
        body: body.clone(),
    });
    assert_eq!(claim(u, "key-1", "hash-a"), done);
    assert_eq!(
        claim(u, "key-1", "hash-other"),
        done,
        "the stored hash is returned for the caller to compare"
    );

    let binary: Vec<u8> = (0..=255).collect();
    assert_eq!(claim(u, "key-2", "hash-c"), None);
    let stored = binary.clone();
    write(store, move |tx| {
        Ok(tx.complete_idempotency_key(u, "key-2", 422, &stored)?)
    });
    assert_eq!(
        claim(u, "key-2", "hash-c").map(|r| (r.status, r.body)),
        Some((Some(422), binary))
    );

    assert_eq!(claim(u, "key-3", "hash-d"), None);
    write(store, move |tx| Ok(tx.release_idempotency_key(u, "key-3")?));
    assert_eq!(claim(u, "key-3", "hash-e"), None, "a released key is free");
    assert_eq!(
        claim(u, "key-1", "hash-a"),
        done,
        "other keys are untouched"
    );
}

/// A key left pending by a request that died is taken over once it is stale;
/// completed keys never are, and old completed keys are purged.
pub fn a_stale_pending_idempotency_key_is_taken_over_and_old_answers_are_purged(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let u = c.admin.id;
    let t0: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let minute = jiff::SignedDuration::from_secs(60);
    let claim = move |key: &'static str, hash: &'static str, at: Timestamp| {
        write(store, move |tx| {
            Ok(tx.claim_idempotency_key(u, key, hash, at, at - minute)?)
        })
    };
    assert_eq!(claim("pending", "h1", t0), None);
    assert_eq!(claim("done", "h1", t0), None);
    write(store, move |tx| {
        Ok(tx.complete_idempotency_key(u, "done", 200, b"{}")?)
    });
    // Thirty seconds later both are still held.
    let soon = t0 + jiff::SignedDuration::from_secs(30);
    assert!(claim("pending", "h2", soon).is_some_and(|r| r.status.is_none()));
    assert!(claim("done", "h2", soon).is_some_and(|r| r.status == Some(200)));
    // Two minutes later the pending one is taken over (with the new request), the done one is not.
    let later = t0 + jiff::SignedDuration::from_secs(120);
    assert_eq!(claim("pending", "h3", later), None);
    assert_eq!(
        claim("pending", "h3", later).map(|r| r.request_hash),
        Some("h3".to_owned())
    );
    assert!(
        claim("done", "h3", later).is_some_and(|r| r.status == Some(200) && r.request_hash == "h1")
    );
    // Purging removes completed keys created before the cut-off, never pending ones.
    let purged = write(store, move |tx| Ok(tx.purge_idempotency_keys(t0 + minute)?));
    assert_eq!(purged, 1);
    assert_eq!(
        claim("done", "h4", later),
        None,
        "the purged key is free again"
    );
    assert!(claim("pending", "h4", later).is_some_and(|r| r.status.is_none()));
}

/// The outbox hands out unsent mail oldest first, forgets sent mail, and
/// gives up on mail that failed ten times.
pub fn the_outbox_hands_out_pending_mail_until_sent_or_failed_ten_times(store: &dyn Store) {
    let start: Timestamp = "2025-03-01T08:00:00.5Z".parse().expect("a timestamp");
    let mails: Vec<OutgoingMail> = (0..4_i64)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("person{i}@example.com"),
            subject: format!("Voucher {i} — réservé"),
            body: format!("Hello,\n\nline two of mail {i}\n"),
            // Out of insertion order, and not all with the same number of
            // fractional digits, to check the order is by time.
            created_at: start
                + jiff::SignedDuration::from_millis([300, 0, 2_000, 1_250][i as usize]),
            attempts: 0,
        })
        .collect();
    let queued = mails.clone();
    write(store, move |tx| {
        for m in &queued {
            tx.enqueue_mail(m)?;
        }
        Ok(())
    });
    let pending = |limit| read(store, move |tx| Ok(tx.pending_mail(limit)?));
    let by_time = vec![
        mails[1].clone(),
        mails[0].clone(),
        mails[3].clone(),
        mails[2].clone(),
    ];
    assert_eq!(pending(10), by_time);
    assert_eq!(pending(2), by_time[..2]);

    let sent = mails[1].id;
    write(store, move |tx| {
        Ok(tx.mark_mail_sent(sent, Timestamp::now())?)
    });
    assert_eq!(pending(10), by_time[1..]);

    let failing = mails[0].id;
    write(store, move |tx| Ok(tx.mark_mail_failed(failing)?));
    let after_one = pending(10);
    assert_eq!(after_one[0].id, failing);
    assert_eq!(after_one[0].attempts, 1);
    for _ in 1..9 {
        write(store, move |tx| Ok(tx.mark_mail_failed(failing)?));
    }
    assert_eq!(pending(10)[0].attempts, 9);
    write(store, move |tx| Ok(tx.mark_mail_failed(failing)?));
    assert_eq!(pending(10), by_time[2..], "ten failures and it is given up");
}

/// Leasing hands each pending mail to one node at a time: two leases at the
/// same moment get disjoint mails, an expired lease frees its mails, and a
/// failed attempt frees the mail for the next try.
pub fn mail_is_leased_to_one_sender_at_a_time(store: &dyn Store) {
    let t0: Timestamp = "2025-03-01T08:00:00Z".parse().expect("a timestamp");
    let mails: Vec<OutgoingMail> = (0..5_i64)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("p{i}@example.com"),
            subject: "s".into(),
            body: "b".into(),
            created_at: t0 + jiff::SignedDuration::from_secs(i),
            attempts: 0,
        })
        .collect();
    let queued = mails.clone();
    write(store, move |tx| {
        for m in &queued {
            tx.enqueue_mail(m)?;
        }
        Ok(())
    });
    let minute = jiff::SignedDuration::from_secs(60);
    let lease = move |now: Timestamp, limit: u32| {
        write(store, move |tx| {
            Ok(tx.lease_mail(now, now + minute, limit)?)
        })
        .into_iter()
        .map(|m| m.id)
        .collect::<Vec<_>>()
    };
    let ids: Vec<_> = mails.iter().map(|m| m.id).collect();
    let now = t0 + minute;
    assert_eq!(lease(now, 3), ids[..3]);
    assert_eq!(
        lease(now, 10),
        ids[3..],
        "leased mail is not handed out twice"
    );
    assert_eq!(lease(now, 10), Vec::<uuid::Uuid>::new());
    let (sent, failed) = (ids[0], ids[1]);
    write(store, move |tx| {
        tx.mark_mail_sent(sent, now)?;
        Ok(tx.mark_mail_failed(failed)?)
    });
    assert_eq!(
        lease(now, 10),
        vec![ids[1]],
        "a failed attempt frees the mail"
    );
    let later = now + minute + minute;
    assert_eq!(
        lease(later, 10),
        ids[1..],
        "expired leases free their mails; sent mail stays sent"
    );
}

/// The program is absent in a new database, reads back as stored, and is
/// replaced by the next one.
pub fn the_program_round_trips_and_is_replaced(store: &dyn Store) {
    assert_eq!(read(store, |tx| Ok(tx.program()?)), None);
    let first = json!({
        "version": 1,
        "name": "Planning Services",
        "voucher_validity_days": 365,
        "milestones": [{"name": "accrual_ended", "date": "2025-03-01"}],
        "offerings": [{"code": "DDPS", "engagements": [{"code": "DDPS-AZURE", "lengths": [1, 3, 5]}]}],
    });
    let stored = first.clone();
    write(store, move |tx| Ok(tx.put_program(&stored)?));
    assert_eq!(read(store, |tx| Ok(tx.program()?)), Some(first.clone()));
    let mut second = first;
    second["version"] = json!(2);
    second["name"] = json!("Planning Services — révisé");
    let stored = second.clone();
    write(store, move |tx| Ok(tx.put_program(&stored)?));
    assert_eq!(read(store, |tx| Ok(tx.program()?)), Some(second));
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

/// Every contract function by name, for runners that cannot use
/// [`contract_tests!`](crate::contract_tests) (one that skips when no
/// database is configured, a benchmark …).
pub const ALL: &[(&str, Contract)] = crate::__contract_list!(@table);

/// One contract function: checks a fresh store, panicking on a breach.
pub type Contract = fn(&dyn Store);

/// The one list of contract functions, expanded into a table or into tests.
#[doc(hidden)]
#[macro_export]
macro_rules! __contract_list {
    (@expand table [] $($name:ident),* $(,)?) => {
        &[$((stringify!($name), $crate::contract::$name as $crate::contract::Contract)),*]
    };
    (@expand tests [$make:expr] $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let store = ($make)();
                $crate::contract::$name(&*store);
            }
        )*
    };
    (@$mode:ident $($arg:tt)*) => {
        $crate::__contract_list! {@expand $mode [$($arg)*]
            an_org_reads_back_with_every_field_equal,
            a_location_reads_back_and_is_listed_under_its_partner,
            a_user_reads_back_by_id_email_and_token,
            an_agreement_reads_back_by_id_and_number,
            a_voucher_without_a_reservation_reads_back_by_id_and_code,
            a_reserved_voucher_reads_back_with_its_reservation,
            events_read_back_with_their_payload_in_append_order,
            timestamps_round_trip_to_the_nanosecond,
            a_taken_email_is_a_duplicate_user_email,
            a_taken_agreement_number_is_a_duplicate_for_the_same_customer_only,
            a_taken_voucher_code_is_a_duplicate_voucher_code,
            the_ledger_never_lets_a_pool_go_negative_and_sums_to_its_balance,
            updating_a_voucher_from_a_stale_version_is_refused_and_changes_nothing,
            work_that_fails_after_writing_leaves_nothing_while_its_neighbours_commit,
            vouchers_are_scoped_to_the_reader,
            voucher_counts_are_scoped_to_the_reader,
            events_are_scoped_to_the_reader,
            keyset_pagination_returns_every_voucher_exactly_once,
            events_after_returns_later_events_in_strictly_increasing_order,
            an_idempotency_key_is_claimed_completed_replayed_and_released,
            a_stale_pending_idempotency_key_is_taken_over_and_old_answers_are_purged,
            the_outbox_hands_out_pending_mail_until_sent_or_failed_ten_times,
            mail_is_leased_to_one_sender_at_a_time,
            the_program_round_trips_and_is_replaced,
            live_vouchers_are_counted_per_customer_engagement_and_length,
            a_second_live_fifteen_day_voucher_is_a_duplicate,
            open_vouchers_past_their_expiry_are_found_for_the_sweep,
            racing_debits_never_overdraw_a_pool,
            racing_updates_from_one_version_let_exactly_one_win,
            a_due_job_is_leased_by_one_holder_and_runs_once_per_period,
            an_expired_job_lease_is_taken_over,
            racing_nodes_lease_a_job_exactly_once,
            sign_in_attempts_count_per_key_within_a_window,
            racing_sign_in_attempts_each_get_a_distinct_count,
        }
    };
}

/// Expands into one `#[test]` per contract function, each on a fresh store
/// from `$make`: a closure or function taking nothing and returning anything
/// that dereferences to a store (`Box<dyn Store>`, `Arc<dyn Store>`, or a
/// guard that also removes the database when dropped).
///
/// ```text
/// saps_testkit::contract_tests!(|| Box::new(fresh_sqlite()) as Box<dyn Store>);
/// ```
#[macro_export]
macro_rules! contract_tests {
    ($make:expr $(,)?) => {
        $crate::__contract_list!(@tests $make);
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn every_contract_function_is_listed_exactly_once() {
        let sources = [
            include_str!("contract.rs"),
            include_str!("contract_jobs.rs"),
            include_str!("contract_throttle.rs"),
        ];
        let declared: BTreeSet<&str> = sources
            .iter()
            .flat_map(|s| s.lines())
            .filter_map(|l| l.strip_prefix("pub fn "))
            .filter_map(|l| l.split('(').next())
            .collect();
        let listed: BTreeSet<&str> = super::ALL.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed.len(), super::ALL.len(), "a function is listed twice");
        assert_eq!(declared, listed);
    }
}
