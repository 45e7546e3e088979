//! The PostgreSQL adapter against a real server, one fresh database per test:
//! round trips, unique keys, conditional writes under contention, rollback,
//! retries inside the store, and a journal feed that never skips an event.
//!
//! The server is `SAPS_TEST_DATABASE_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`); when it is unreachable the tests
//! fail, they never skip.

use jiff::Timestamp;
use jiff::civil::date;
use saps_core::port::{
    IdempotentResponse, OutgoingMail, Store, Tx, VoucherQuery, Work, read_blocking, write_blocking,
};
use saps_core::{
    Agreement, AgreementId, Days, EntryId, Error, EventId, LedgerEntry, LedgerReason, Location,
    LocationId, NewEvent, Org, OrgId, OrgKind, Reservation, Role, Scope, StoreError, User, UserId,
    Voucher, VoucherCode, VoucherId, VoucherState,
};
use saps_postgres::{PgOptions, PgStore};
use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Barrier};
use std::time::Duration;

// ---------------------------------------------------------------- fixtures

/// A database created for one test and dropped after it.
struct TestDb {
    admin_url: String,
    name: String,
    url: String,
}

impl TestDb {
    fn new() -> Self {
        let admin_url = std::env::var("SAPS_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let mut admin =
            postgres::Client::connect(&admin_url, postgres::NoTls).unwrap_or_else(|e| {
                panic!(
                    "cannot reach the test PostgreSQL server at {admin_url} \
                 (set SAPS_TEST_DATABASE_URL): {e}"
                )
            });
        let name = format!("saps_t_{}", uuid::Uuid::now_v7().simple());
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a test database");
        let (base, query) = admin_url.split_once('?').unwrap_or((&admin_url, ""));
        let authority_end = base.find("://").map_or(0, |i| i + 3);
        let base = match base[authority_end..].find('/') {
            Some(slash) => &base[..authority_end + slash],
            None => base,
        };
        let url = if query.is_empty() {
            format!("{base}/{name}")
        } else {
            format!("{base}/{name}?{query}")
        };
        Self {
            admin_url,
            name,
            url,
        }
    }

    fn store(&self) -> PgStore {
        PgStore::connect(&self.url).expect("connect")
    }

    fn store_with_pool(&self, pool_size: usize) -> PgStore {
        PgStore::connect_with(&self.url, &PgOptions { pool_size }).expect("connect")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn now() -> Timestamp {
    Timestamp::now()
}

fn org(kind: OrgKind, name: &str) -> Org {
    Org {
        id: OrgId::new(),
        kind,
        name: name.into(),
        country: "FR".into(),
        benefit_active: false,
        created_at: now(),
    }
}

fn user(org: &Org, role: Role, email: &str) -> User {
    User {
        id: UserId::new(),
        org_id: org.id,
        email: email.into(),
        name: email.split('@').next().unwrap().into(),
        role,
        password_hash: "$argon2id$stub".into(),
        created_at: now(),
    }
}

fn agreement(customer: &Org, number: &str, available: i64) -> Agreement {
    Agreement {
        id: AgreementId::new(),
        customer_id: customer.id,
        number: number.into(),
        sa_start: date(2019, 7, 1),
        sa_end: date(2022, 6, 30),
        days: Days(15),
        available,
        created_at: now(),
    }
}

fn voucher(a: &Agreement, pm: &User, days: u32) -> Voucher {
    Voucher {
        id: VoucherId::new(),
        code: VoucherCode::generate(),
        customer_id: a.customer_id,
        agreement_id: a.id,
        engagement: "DDPS-ARCH".into(),
        days: Days(days),
        project_manager_id: pm.id,
        created_by: pm.id,
        state: VoucherState::Created,
        partner_id: None,
        reservation: None,
        created_at: now(),
        assigned_at: None,
        expires_on: date(2022, 1, 1),
        version: 0,
    }
}

fn entry(a: &Agreement, delta: i64, reason: LedgerReason) -> LedgerEntry {
    LedgerEntry {
        id: EntryId::new(),
        agreement_id: a.id,
        at: now(),
        delta,
        reason,
        voucher_id: None,
        event_id: EventId::new(),
    }
}

/// A customer with a project manager and an agreement, a partner with a
/// location and a consultant.
struct World {
    customer: Org,
    pm: User,
    agreement: Agreement,
    partner: Org,
    location: Location,
    consultant: User,
}

fn world(store: &dyn Store, available: i64) -> World {
    let customer = org(OrgKind::Customer, "Contoso");
    let partner = org(OrgKind::Partner, "Fabrikam");
    let w = World {
        pm: user(
            &customer,
            Role::ProjectManager,
            &format!("pm-{}@contoso.example", customer.id),
        ),
        agreement: agreement(&customer, "A-1", available),
        location: Location {
            id: LocationId::new(),
            partner_id: partner.id,
            name: "Lyon".into(),
            country: "FR".into(),
            city: "Lyon".into(),
        },
        consultant: user(
            &partner,
            Role::Consultant,
            &format!("c-{}@fabrikam.example", partner.id),
        ),
        customer,
        partner,
    };
    let c = (
        w.customer.clone(),
        w.partner.clone(),
        w.pm.clone(),
        w.agreement.clone(),
        w.location.clone(),
        w.consultant.clone(),
    );
    write_blocking(store, move |tx| {
        tx.insert_org(&c.0)?;
        tx.insert_org(&c.1)?;
        tx.insert_user(&c.2)?;
        tx.insert_agreement(&c.3)?;
        tx.insert_location(&c.4)?;
        tx.insert_user(&c.5)?;
        Ok(())
    })
    .expect("the world");
    w
}

fn insert_voucher(store: &dyn Store, v: &Voucher) {
    let v = v.clone();
    write_blocking(store, move |tx| Ok(tx.insert_voucher(&v)?)).expect("insert voucher");
}

// ---------------------------------------------------------------- round trips

#[test]
fn every_kind_of_row_reads_back_as_it_was_written() {
    let db = TestDb::new();
    let store = db.store();
    let w = world(&store, 0);

    let (c, p, pm, a, l, cons) = (
        w.customer.clone(),
        w.partner.clone(),
        w.pm.clone(),
        w.agreement.clone(),
        w.location.clone(),
        w.consultant.clone(),
    );
    read_blocking(&store, move |tx| {
        assert_eq!(tx.org(c.id)?, Some(c.clone()));
        assert_eq!(tx.orgs(OrgKind::Partner)?, vec![p.clone()]);
        assert_eq!(tx.orgs(OrgKind::Operator)?, vec![]);
        assert_eq!(tx.location(l.id)?, Some(l.clone()));
        assert_eq!(tx.locations(p.id)?, vec![l.clone()]);
        assert_eq!(tx.user(pm.id)?, Some(pm.clone()));
        assert_eq!(tx.user_by_email(&pm.email)?, Some(pm.clone()));
        assert_eq!(tx.users(p.id)?, vec![cons.clone()]);
        assert_eq!(tx.agreement(a.id)?, Some(a.clone()));
        assert_eq!(tx.agreement_by_number(c.id, "A-1")?, Some(a.clone()));
        assert_eq!(tx.agreement_by_number(p.id, "A-1")?, None);
        assert_eq!(tx.agreements(c.id)?, vec![a.clone()]);
        assert_eq!(tx.org(OrgId::new())?, None);
        Ok(())
    })
    .unwrap();

    let cid = w.customer.id;
    write_blocking(&store, move |tx| Ok(tx.set_benefit_active(cid, true)?)).unwrap();
    let pm = w.pm.clone();
    let at = now();
    write_blocking(&store, move |tx| Ok(tx.insert_token("h4sh", pm.id, at)?)).unwrap();
    let (cid2, pm) = (w.customer.id, w.pm.clone());
    read_blocking(&store, move |tx| {
        assert!(tx.org(cid2)?.unwrap().benefit_active);
        assert_eq!(
            tx.user_by_token("h4sh", Timestamp::UNIX_EPOCH)?,
            Some(pm.clone())
        );
        assert_eq!(tx.user_by_token("other", Timestamp::UNIX_EPOCH)?, None);
        Ok(())
    })
    .unwrap();

    // A reserved voucher carries every optional column.
    let mut v = voucher(&w.agreement, &w.pm, 5);
    insert_voucher(&store, &v);
    v.state = VoucherState::Reserved;
    v.partner_id = Some(w.partner.id);
    v.assigned_at = Some(now());
    v.reservation = Some(Reservation {
        location_id: w.location.id,
        consultant_id: w.consultant.id,
        start_date: date(2021, 3, 1),
        end_date: date(2021, 3, 5),
        delivery_country: "FR".into(),
        reserved_by: w.consultant.id,
        reserved_at: now(),
    });
    v.version = 1;
    let v2 = v.clone();
    write_blocking(&store, move |tx| Ok(tx.update_voucher(&v2)?)).unwrap();
    let v2 = v.clone();
    read_blocking(&store, move |tx| {
        assert_eq!(tx.voucher(v2.id)?, Some(v2.clone()));
        assert_eq!(tx.voucher_by_code(&v2.code)?, Some(v2.clone()));
        assert_eq!(tx.voucher_by_code(&VoucherCode::generate())?, None);
        Ok(())
    })
    .unwrap();

    // The program, the outbox and idempotency keys.
    let program = serde_json::json!({"version": 3, "name": "SA", "nested": {"b": [1, 2.5, null]}});
    let p2 = program.clone();
    write_blocking(&store, move |tx| {
        assert_eq!(tx.program()?, None);
        tx.put_program(&p2)?;
        tx.put_program(&p2)?;
        Ok(())
    })
    .unwrap();
    assert_eq!(
        read_blocking(&store, |tx| Ok(tx.program()?)).unwrap(),
        Some(program)
    );

    let mail = OutgoingMail {
        id: uuid::Uuid::now_v7(),
        to: "ana@contoso.example".into(),
        subject: "Hello".into(),
        body: "Body".into(),
        created_at: now(),
        attempts: 0,
    };
    let m2 = mail.clone();
    write_blocking(&store, move |tx| Ok(tx.enqueue_mail(&m2)?)).unwrap();
    let m2 = mail.clone();
    write_blocking(&store, move |tx| {
        assert_eq!(tx.pending_mail(10)?, vec![m2.clone()]);
        tx.mark_mail_failed(m2.id)?;
        assert_eq!(tx.pending_mail(10)?[0].attempts, 1);
        tx.mark_mail_sent(m2.id, now())?;
        assert_eq!(tx.pending_mail(10)?, vec![]);
        Ok(())
    })
    .unwrap();

    let uid = w.pm.id;
    write_blocking(&store, move |tx| {
        assert_eq!(
            tx.claim_idempotency_key(uid, "k", "hash", now(), Timestamp::UNIX_EPOCH)?,
            None
        );
        assert_eq!(
            tx.claim_idempotency_key(uid, "k", "other", now(), Timestamp::UNIX_EPOCH)?,
            Some(IdempotentResponse {
                request_hash: "hash".into(),
                status: None,
                body: vec![],
            })
        );
        tx.complete_idempotency_key(uid, "k", 201, b"{}")?;
        assert_eq!(
            tx.claim_idempotency_key(uid, "k", "hash", now(), Timestamp::UNIX_EPOCH)?,
            Some(IdempotentResponse {
                request_hash: "hash".into(),
                status: Some(201),
                body: b"{}".to_vec(),
            })
        );
        tx.release_idempotency_key(uid, "k")?;
        assert_eq!(
            tx.claim_idempotency_key(uid, "k", "hash2", now(), Timestamp::UNIX_EPOCH)?,
            None
        );
        Ok(())
    })
    .unwrap();
}

#[test]
fn timestamps_read_back_to_the_nanosecond_and_sql_sees_the_microsecond() {
    let db = TestDb::new();
    let store = db.store();
    let mut o = org(OrgKind::Customer, "Precise");
    o.created_at = "2021-06-30T23:59:59.123456789Z".parse().unwrap();
    let mut old = org(OrgKind::Customer, "Before 1970");
    old.created_at = "1969-12-31T23:59:59.999999999Z".parse().unwrap();
    let (o2, old2) = (o.clone(), old.clone());
    write_blocking(&store, move |tx| {
        tx.insert_org(&o2)?;
        Ok(tx.insert_org(&old2)?)
    })
    .unwrap();
    let (id, old_id) = (o.id, old.id);
    let back = read_blocking(&store, move |tx| Ok((tx.org(id)?, tx.org(old_id)?))).unwrap();
    assert_eq!(back, (Some(o.clone()), Some(old.clone())));

    let mut client = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), \
             created_at_ns FROM orgs WHERE id = $1",
            &[&o.id.0],
        )
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "2021-06-30 23:59:59.123456");
    assert_eq!(row.get::<_, i16>(1), 789);
}

#[test]
fn describe_names_the_server_and_database_but_no_credentials() {
    let db = TestDb::new();
    let d = db.store().describe();
    assert!(d.starts_with("PostgreSQL 1"), "{d}");
    assert!(d.contains(&db.name), "{d}");
}

// ---------------------------------------------------------------- unique keys

#[test]
fn taken_keys_are_named_and_the_work_can_carry_on_after_them() {
    let db = TestDb::new();
    let store = db.store();
    let w = world(&store, 0);

    let (c, pm, a) = (w.customer.clone(), w.pm.clone(), w.agreement.clone());
    let first = voucher(&w.agreement, &w.pm, 5);
    insert_voucher(&store, &first);
    let dup_code = {
        let mut v = voucher(&w.agreement, &w.pm, 5);
        v.code = first.code;
        v
    };
    let fresh = voucher(&w.agreement, &w.pm, 3);
    let fresh2 = fresh.clone();
    write_blocking(&store, move |tx| {
        let mut again = user(&c, Role::BenefitAdmin, &pm.email);
        assert_eq!(
            tx.insert_user(&again),
            Err(StoreError::Duplicate("user_email"))
        );
        again.email = "other@contoso.example".into();
        again.id = pm.id;
        assert_eq!(
            tx.insert_user(&again),
            Err(StoreError::Duplicate("user_id"))
        );
        let mut other = agreement(&c, "A-1", 0);
        assert_eq!(
            tx.insert_agreement(&other),
            Err(StoreError::Duplicate("agreement_number"))
        );
        other.number = "A-2".into();
        tx.insert_agreement(&other)?;
        assert_eq!(
            tx.insert_voucher(&dup_code),
            Err(StoreError::Duplicate("voucher_code"))
        );
        assert_eq!(tx.insert_org(&c), Err(StoreError::Duplicate("org_id")));
        // As a use case would: draw another code and go on.
        tx.insert_voucher(&fresh2)?;
        let mut e = entry(&a, 5, LedgerReason::Accrual);
        assert!(tx.post_ledger(&e)?);
        e.delta = 7;
        assert_eq!(
            tx.post_ledger(&e),
            Err(StoreError::Duplicate("ledger_entry_id"))
        );
        Ok(())
    })
    .expect("the work carries on and commits");

    let (a, fresh, c) = (w.agreement.clone(), fresh.clone(), w.customer.clone());
    read_blocking(&store, move |tx| {
        assert!(tx.voucher(fresh.id)?.is_some());
        assert_eq!(tx.agreements(c.id)?.len(), 2);
        // The duplicate entry moved nothing.
        assert_eq!(tx.agreement(a.id)?.unwrap().available, 5);
        assert_eq!(tx.pool_totals(a.id)?.sum, 5);
        Ok(())
    })
    .unwrap();
}

// ---------------------------------------------------------------- transactions

#[test]
fn a_failing_work_leaves_nothing_written() {
    let db = TestDb::new();
    let store = db.store();
    let o = org(OrgKind::Customer, "Gone");
    let o2 = o.clone();
    let r: Result<(), Error> = write_blocking(&store, move |tx| {
        tx.insert_org(&o2)?;
        Err(Error::invalid("test", "fails after writing"))
    });
    assert_eq!(r, Err(Error::invalid("test", "fails after writing")));

    let o3 = org(OrgKind::Customer, "Also gone");
    let o4 = o3.clone();
    let r: Result<(), Error> = write_blocking(&store, move |tx| {
        tx.insert_org(&o4)?;
        panic!("the work panics after writing");
    });
    assert!(
        matches!(&r, Err(Error::Store(StoreError::Backend(m))) if m.contains("panics after writing")),
        "{r:?}"
    );
    read_blocking(&store, move |tx| {
        assert_eq!(tx.org(o.id)?, None);
        assert_eq!(tx.org(o3.id)?, None);
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_work_that_swallows_a_failed_statement_is_not_reported_as_done() {
    let db = TestDb::new();
    let store = db.store();
    let o = org(OrgKind::Customer, "Orphan");
    let mut l = Location {
        id: LocationId::new(),
        partner_id: OrgId::new(), // no such partner: a foreign key fails
        name: "Nowhere".into(),
        country: "FR".into(),
        city: "Nowhere".into(),
    };
    let o2 = o.clone();
    let r = write_blocking(&store, move |tx| {
        tx.insert_org(&o2)?;
        let failed = tx.insert_location(&l).is_err();
        l.id = LocationId::new();
        Ok(failed)
    });
    assert!(
        matches!(r, Err(Error::Store(StoreError::Backend(_)))),
        "{r:?}"
    );
    assert_eq!(
        read_blocking(&store, move |tx| Ok(tx.org(o.id)?)).unwrap(),
        None
    );
}

#[test]
fn a_lost_race_is_retried_inside_the_store() {
    let db = TestDb::new();
    let store = db.store();
    let attempts = Arc::new(AtomicUsize::new(0));
    let a2 = attempts.clone();
    let o = org(OrgKind::Customer, "Second time lucky");
    let o2 = o.clone();
    write_blocking(&store, move |tx| {
        tx.insert_org(&o2)?;
        if a2.fetch_add(1, Ordering::SeqCst) == 0 {
            return Err(StoreError::Retry.into());
        }
        Ok(())
    })
    .expect("the second attempt commits");
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
    assert!(
        read_blocking(&store, move |tx| Ok(tx.org(o.id)?))
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_deadlock_is_retried_inside_the_store_and_both_works_commit() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(4));
    let (o1, o2) = (org(OrgKind::Customer, "One"), org(OrgKind::Customer, "Two"));
    let (a, b) = (o1.clone(), o2.clone());
    write_blocking(&*store, move |tx| {
        tx.insert_org(&a)?;
        tx.insert_org(&b)?;
        Ok(())
    })
    .unwrap();

    let barrier = Arc::new(Barrier::new(2));
    let attempts = Arc::new(AtomicUsize::new(0));
    let (done_tx, done_rx) = channel();
    for (first, second) in [(o1.id, o2.id), (o2.id, o1.id)] {
        let (barrier, attempts, done) = (barrier.clone(), attempts.clone(), done_tx.clone());
        let mut tried = false;
        let work: Work = Box::new(move |tx: &mut dyn Tx| {
            attempts.fetch_add(1, Ordering::SeqCst);
            tx.set_benefit_active(first, true)?;
            if !tried {
                tried = true;
                barrier.wait();
            }
            tx.set_benefit_active(second, true)?;
            Ok(Box::new(()) as Box<dyn Any + Send>)
        });
        store.write(work, Box::new(move |r| drop(done.send(r.map(drop)))));
    }
    for _ in 0..2 {
        let r = done_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("a reply");
        assert_eq!(r, Ok(()));
    }
    assert_eq!(
        attempts.load(Ordering::SeqCst),
        3,
        "one of the two ran again"
    );
}

// ---------------------------------------------------------------- contention

#[test]
fn a_pool_of_ten_days_debited_by_32_racing_writers_gives_exactly_ten() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(10));
    let w = world(&*store, 10);
    let (done_tx, done_rx) = channel();
    let threads: Vec<_> = (0..32)
        .map(|_| {
            let (store, a, done) = (store.clone(), w.agreement.clone(), done_tx.clone());
            std::thread::spawn(move || {
                let e = entry(&a, -1, LedgerReason::VoucherDebit);
                let r = write_blocking(&*store, move |tx| Ok(tx.post_ledger(&e)?));
                done.send(r).unwrap();
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    drop(done_tx);
    let outcomes: Vec<_> = done_rx.iter().collect();
    assert_eq!(outcomes.len(), 32);
    assert_eq!(outcomes.iter().filter(|r| **r == Ok(true)).count(), 10);
    assert_eq!(outcomes.iter().filter(|r| **r == Ok(false)).count(), 22);
    let a = w.agreement.clone();
    let (pool, totals) = read_blocking(&*store, move |tx| {
        Ok((tx.agreement(a.id)?.unwrap(), tx.pool_totals(a.id)?))
    })
    .unwrap();
    assert_eq!(pool.available, 0);
    assert_eq!(totals.sum, -10);
    assert_eq!(totals.by_reason, vec![(LedgerReason::VoucherDebit, -10)]);
}

#[test]
fn of_32_racing_conditional_updates_exactly_one_wins() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(10));
    let w = world(&*store, 0);
    let v = voucher(&w.agreement, &w.pm, 5);
    insert_voucher(&*store, &v);

    let start = Arc::new(Barrier::new(32));
    let threads: Vec<_> = (0..32)
        .map(|i| {
            let (store, start) = (store.clone(), start.clone());
            let mut next = v.clone();
            next.version = 1;
            next.engagement = format!("E{i}");
            std::thread::spawn(move || {
                start.wait();
                write_blocking(&*store, move |tx| Ok(tx.update_voucher(&next)?))
            })
        })
        .collect();
    let outcomes: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(outcomes.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(
        outcomes
            .iter()
            .all(|r| r.is_ok() || *r == Err(StoreError::Stale.into()))
    );
    let id = v.id;
    assert_eq!(
        read_blocking(&*store, move |tx| Ok(tx.voucher(id)?.unwrap().version)).unwrap(),
        1
    );
}

#[test]
fn racing_transitions_read_for_update_and_the_losers_see_the_winner() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(8));
    let w = world(&*store, 0);
    let v = voucher(&w.agreement, &w.pm, 5);
    insert_voucher(&*store, &v);

    let start = Arc::new(Barrier::new(16));
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let (store, start, code, partner) =
                (store.clone(), start.clone(), v.code, w.partner.id);
            std::thread::spawn(move || {
                start.wait();
                write_blocking(&*store, move |tx| {
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
    let outcomes: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    // The row lock makes every loser wait and then see the winner's write:
    // none of them meets a stale version.
    assert_eq!(outcomes.iter().filter(|r| **r == Ok(true)).count(), 1);
    assert_eq!(outcomes.iter().filter(|r| **r == Ok(false)).count(), 15);
}

#[test]
fn two_nodes_claiming_mail_at_once_take_different_mails() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(4));
    let mails: Vec<OutgoingMail> = (0..6)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("u{i}@example.com"),
            subject: "s".into(),
            body: "b".into(),
            created_at: now(),
            attempts: 0,
        })
        .collect();
    let m2 = mails.clone();
    write_blocking(&*store, move |tx| {
        for m in &m2 {
            tx.enqueue_mail(m)?;
        }
        Ok(())
    })
    .unwrap();

    // The first claims three and holds them until it is told to finish.
    let (claimed_tx, claimed_rx) = sync_channel(1);
    let (finish_tx, finish_rx) = sync_channel::<()>(1);
    let finish_rx = Arc::new(std::sync::Mutex::new(finish_rx));
    let (done_tx, done_rx) = sync_channel(1);
    let work: Work = Box::new(move |tx: &mut dyn Tx| {
        let mine: Vec<_> = tx.pending_mail(3)?.into_iter().map(|m| m.id).collect();
        claimed_tx.send(mine.clone()).unwrap();
        finish_rx.lock().unwrap().recv().unwrap();
        Ok(Box::new(mine) as Box<dyn Any + Send>)
    });
    store.write(
        work,
        Box::new(move |r| {
            let _ = done_tx.send(r.is_ok());
        }),
    );
    let first = claimed_rx.recv().unwrap();
    let second: Vec<_> = write_blocking(&*store, |tx| {
        Ok(tx
            .pending_mail(10)?
            .into_iter()
            .map(|m| m.id)
            .collect::<Vec<_>>())
    })
    .unwrap();
    finish_tx.send(()).unwrap();
    assert!(done_rx.recv().unwrap());
    assert_eq!(first, mails[..3].iter().map(|m| m.id).collect::<Vec<_>>());
    assert_eq!(second, mails[3..].iter().map(|m| m.id).collect::<Vec<_>>());
}

// ---------------------------------------------------------------- queries

#[test]
fn lists_and_counts_keep_to_their_scope() {
    let db = TestDb::new();
    let store = db.store();
    let w = world(&store, 0);
    let other = world(&store, 0);
    let mut vs: Vec<Voucher> = (0..5).map(|_| voucher(&w.agreement, &w.pm, 5)).collect();
    vs[0].state = VoucherState::Reserved;
    vs[0].partner_id = Some(w.partner.id);
    vs[0].reservation = Some(Reservation {
        location_id: w.location.id,
        consultant_id: w.consultant.id,
        start_date: date(2021, 3, 1),
        end_date: date(2021, 3, 5),
        delivery_country: "FR".into(),
        reserved_by: w.consultant.id,
        reserved_at: now(),
    });
    vs[1].state = VoucherState::Assigned;
    vs[1].partner_id = Some(w.partner.id);
    vs[2].state = VoucherState::Cancelled;
    vs[3].expires_on = date(2020, 1, 1);
    vs.push(voucher(&other.agreement, &other.pm, 15));
    for v in &vs {
        insert_voucher(&store, v);
    }
    let ids = |vs: &[Voucher]| {
        let mut ids: Vec<_> = vs.iter().map(|v| v.id).collect();
        ids.sort();
        ids
    };
    let q = |scope| VoucherQuery {
        scope,
        state: None,
        after: None,
        limit: 100,
    };

    let (vs2, w_c, w_p, w_pm, w_cons, o_c) = (
        vs.clone(),
        w.customer.id,
        w.partner.id,
        w.pm.id,
        w.consultant.id,
        other.customer.id,
    );
    read_blocking(&store, move |tx| {
        let got = |tx: &mut dyn Tx, q: VoucherQuery| -> Result<Vec<VoucherId>, Error> {
            Ok(tx.vouchers(&q)?.into_iter().map(|v| v.id).collect())
        };
        assert_eq!(got(tx, q(Scope::All))?, ids(&vs2));
        assert_eq!(got(tx, q(Scope::Customer(w_c)))?, ids(&vs2[..5]));
        assert_eq!(
            got(tx, q(Scope::ProjectManager(w_c, w_pm)))?,
            ids(&vs2[..5])
        );
        assert_eq!(got(tx, q(Scope::ProjectManager(o_c, w_pm)))?, vec![]);
        assert_eq!(got(tx, q(Scope::Partner(w_p)))?, ids(&vs2[..2]));
        assert_eq!(got(tx, q(Scope::Consultant(w_p, w_cons)))?, ids(&vs2[..1]));
        let reserved = VoucherQuery {
            state: Some(VoucherState::Reserved),
            ..q(Scope::Customer(w_c))
        };
        assert_eq!(tx.vouchers(&reserved)?, vec![vs2[0].clone()]);

        // Keyset pages: two by two, in id order.
        let all = ids(&vs2);
        let mut after = None;
        let mut paged = vec![];
        loop {
            let page = got(
                tx,
                VoucherQuery {
                    after,
                    limit: 2,
                    ..q(Scope::All)
                },
            )?;
            if page.is_empty() {
                break;
            }
            after = page.last().copied();
            paged.extend(page);
        }
        assert_eq!(paged, all);

        assert_eq!(tx.count_live_vouchers(w_c, "DDPS-ARCH", 5)?, 4);
        assert_eq!(tx.count_live_vouchers(w_c, "DDPS-ARCH", 15)?, 0);
        assert_eq!(tx.count_live_vouchers(o_c, "DDPS-ARCH", 15)?, 1);
        let expired: Vec<_> = tx
            .vouchers_expired_before(date(2021, 6, 1), 10)?
            .into_iter()
            .map(|v| v.id)
            .collect();
        assert_eq!(expired, vec![vs2[3].id]);
        assert_eq!(
            tx.voucher_counts(Scope::Customer(w_c))?,
            vec![
                (VoucherState::Created, 2),
                (VoucherState::Assigned, 1),
                (VoucherState::Reserved, 1),
                (VoucherState::Cancelled, 1),
            ]
        );
        assert_eq!(
            tx.voucher_counts(Scope::Partner(w_p))?,
            vec![(VoucherState::Assigned, 1), (VoucherState::Reserved, 1)]
        );
        Ok(())
    })
    .unwrap();
}

fn event(kind: &str, customer: Option<OrgId>, partner: Option<OrgId>) -> NewEvent {
    let mut e = NewEvent::raw(kind, now(), None, 1, serde_json::json!({"kind": kind}));
    e.customer_id = customer;
    e.partner_id = partner;
    e
}

#[test]
fn the_journal_reads_back_in_order_and_by_scope() {
    let db = TestDb::new();
    let store = db.store();
    let (c, p) = (OrgId::new(), OrgId::new());
    let vid = VoucherId::new();
    let seqs = write_blocking(&store, move |tx| {
        let mut e1 = event("a", Some(c), None);
        e1.voucher_id = Some(vid);
        let s1 = tx.append_event(&e1)?;
        let s2 = tx.append_event(&event("b", Some(c), Some(p)))?;
        // A transaction sees its own events in the feed.
        assert_eq!(tx.events_after(Scope::All, 0, 10)?.len(), 2);
        Ok(vec![s1, s2])
    })
    .unwrap();
    let s3 = write_blocking(&store, move |tx| {
        Ok(tx.append_event(&event("c", None, Some(p)))?)
    })
    .unwrap();
    assert!(seqs[0] < seqs[1] && seqs[1] < s3);

    read_blocking(&store, move |tx| {
        let kinds = |es: Vec<saps_core::Event>| es.into_iter().map(|e| e.kind).collect::<Vec<_>>();
        assert_eq!(kinds(tx.events_after(Scope::All, 0, 10)?), ["a", "b", "c"]);
        assert_eq!(kinds(tx.events_after(Scope::All, 0, 2)?), ["a", "b"]);
        assert_eq!(kinds(tx.events_after(Scope::All, seqs[0], 10)?), ["b", "c"]);
        assert_eq!(
            kinds(tx.events_after(Scope::Customer(c), 0, 10)?),
            ["a", "b"]
        );
        // A project manager or a consultant sees only the events of vouchers
        // they can see (none here).
        assert!(
            tx.events_after(Scope::ProjectManager(c, UserId::new()), 0, 10)?
                .is_empty()
        );
        assert_eq!(
            kinds(tx.events_after(Scope::Partner(p), 0, 10)?),
            ["b", "c"]
        );
        assert!(
            tx.events_after(Scope::Consultant(p, UserId::new()), 0, 10)?
                .is_empty()
        );
        let mine = tx.voucher_events(vid)?;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].seq, seqs[0]);
        assert_eq!(mine[0].payload, serde_json::json!({"kind": "a"}));
        assert_eq!(mine[0].customer_id, Some(c));
        Ok(())
    })
    .unwrap();
}

#[test]
fn the_feed_holds_back_events_until_an_older_transaction_has_finished() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(4));

    // An older transaction appends an event and stays open.
    let (appended_tx, appended_rx) = sync_channel(1);
    let (finish_tx, finish_rx) = sync_channel::<()>(1);
    let finish_rx = Arc::new(std::sync::Mutex::new(finish_rx));
    let (done_tx, done_rx) = sync_channel(1);
    let work: Work = Box::new(move |tx: &mut dyn Tx| {
        let seq = tx.append_event(&event("older", None, None))?;
        appended_tx.send(seq).unwrap();
        finish_rx.lock().unwrap().recv().unwrap();
        Ok(Box::new(seq) as Box<dyn Any + Send>)
    });
    store.write(
        work,
        Box::new(move |r| {
            let _ = done_tx.send(r.is_ok());
        }),
    );
    let older = appended_rx.recv().unwrap();

    // A younger one commits first.
    let younger = write_blocking(&*store, |tx| {
        Ok(tx.append_event(&event("younger", None, None))?)
    })
    .unwrap();
    assert!(older < younger, "feed order is transaction order");

    // A poller must not see the younger event yet: if it did, its cursor
    // would pass the older one, which is still to come.
    let seen = read_blocking(&*store, |tx| Ok(tx.events_after(Scope::All, 0, 10)?)).unwrap();
    assert!(seen.is_empty(), "{seen:?}");

    finish_tx.send(()).unwrap();
    assert!(done_rx.recv().unwrap());
    let seen = read_blocking(&*store, |tx| Ok(tx.events_after(Scope::All, 0, 10)?)).unwrap();
    let seqs: Vec<_> = seen.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [older, younger]);
}

// ---------------------------------------------------------------- start-up

#[test]
fn several_nodes_starting_at_once_migrate_once() {
    let db = TestDb::new();
    let url = db.url.clone();
    let threads: Vec<_> = (0..6)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                PgStore::connect_with(&url, &PgOptions { pool_size: 1 }).map(drop)
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap().expect("every node starts");
    }
    saps_postgres::migrate(&url).expect("migrating again is harmless");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let versions: Vec<String> = client
        .query("SELECT version FROM schema_migrations", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let expected: Vec<&str> = saps_postgres::MIGRATIONS.iter().map(|(v, _)| *v).collect();
    assert_eq!(versions, expected);
}

#[test]
fn an_unreachable_server_is_a_backend_error() {
    let r = PgStore::connect("postgres://postgres@127.0.0.1:1/nothing");
    assert!(matches!(r, Err(StoreError::Backend(_))));
}

#[test]
fn a_connection_killed_under_the_pool_is_replaced() {
    let db = TestDb::new();
    let store = db.store_with_pool(1);
    let o = org(OrgKind::Customer, "Survivor");
    let o2 = o.clone();
    write_blocking(&store, move |tx| Ok(tx.insert_org(&o2)?)).unwrap();

    let mut admin = postgres::Client::connect(&db.admin_url, postgres::NoTls).unwrap();
    let killed: i64 = admin
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1",
            &[&db.name],
        )
        .unwrap()
        .get(0);
    assert_eq!(killed, 1);

    let id = o.id;
    assert_eq!(
        read_blocking(&store, move |tx| Ok(tx.org(id)?)).unwrap(),
        Some(o)
    );
}

#[test]
fn a_transaction_in_another_database_does_not_hold_the_feed_back() {
    let db = TestDb::new();
    let store = db.store();
    // An older transaction with a transaction id, open in another database
    // of the same server (as another test's, or another application's).
    let mut elsewhere = postgres::Client::connect(&db.admin_url, postgres::NoTls).unwrap();
    let mut open = elsewhere.transaction().unwrap();
    open.query_one("SELECT pg_current_xact_id()", &[]).unwrap();

    let seq = write_blocking(&store, |tx| Ok(tx.append_event(&event("now", None, None))?)).unwrap();
    let seen = read_blocking(&store, |tx| Ok(tx.events_after(Scope::All, 0, 10)?)).unwrap();
    assert_eq!(seen.iter().map(|e| e.seq).collect::<Vec<_>>(), [seq]);
    open.rollback().unwrap();
}
