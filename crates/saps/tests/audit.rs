//! `saps audit verify`, run as the real binary on SQLite and on PostgreSQL:
//! an intact journal verifies (exit 0) and reaches its recorded head; each
//! kind of tampering done with SQL behind saps' back (an edited payload, an
//! inserted, a deleted or a reordered event, a truncated journal given the
//! head recorded earlier, a pool that disagrees with the journal) makes it
//! exit non-zero naming the break; the chain survives concurrent writers;
//! a journal written before the chain existed is chained on upgrade; a
//! database it cannot open or a head it cannot parse is refused plainly.

use saps_app::clock::Clock;
use saps_app::fixtures::World;
use saps_app::{App, Settings};
use saps_core::chain::{GENESIS, event_hash};
use saps_core::port::Store;
use saps_core::{Actor, Event, EventId};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::Arc;

const SAPS: &str = env!("CARGO_BIN_EXE_saps");

enum Db {
    Sqlite(PathBuf),
    Pg(saps_testkit::pg::TestDatabase),
}

impl Db {
    fn all() -> Vec<Db> {
        let dir =
            std::env::temp_dir().join(format!("saps-audit-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        vec![
            Db::Sqlite(dir),
            Db::Pg(saps_testkit::pg::TestDatabase::new()),
        ]
    }

    fn name(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "SQLite",
            Db::Pg(_) => "PostgreSQL",
        }
    }

    fn url(&self) -> String {
        match self {
            Db::Sqlite(dir) => dir.join("audit.db").to_string_lossy().into_owned(),
            Db::Pg(d) => d.url().to_owned(),
        }
    }

    fn store(&self) -> Arc<dyn Store> {
        match self {
            Db::Sqlite(dir) => {
                Arc::new(saps_sqlite::SqliteStore::open(&dir.join("audit.db")).unwrap())
            }
            Db::Pg(d) => Arc::new(saps_postgres::PgStore::connect(d.url()).unwrap()),
        }
    }

    /// Runs SQL behind saps' back (statements separated by `;`).
    fn sql(&self, sql: &str) {
        match self {
            Db::Sqlite(dir) => {
                let c = rusqlite::Connection::open(dir.join("audit.db")).unwrap();
                c.execute_batch(sql).unwrap();
            }
            Db::Pg(d) => {
                let mut c = postgres::Client::connect(d.url(), postgres::NoTls).unwrap();
                c.batch_execute(sql).unwrap();
            }
        }
    }

    /// One text column of the first row of a query.
    fn text(&self, sql: &str) -> String {
        match self {
            Db::Sqlite(dir) => {
                let c = rusqlite::Connection::open(dir.join("audit.db")).unwrap();
                c.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap()
            }
            Db::Pg(d) => {
                let mut c = postgres::Client::connect(d.url(), postgres::NoTls).unwrap();
                c.query_one(sql, &[]).unwrap().get::<_, String>(0)
            }
        }
    }

    /// Every event's seq, in order.
    fn seqs(&self) -> Vec<i64> {
        match self {
            Db::Sqlite(dir) => {
                let c = rusqlite::Connection::open(dir.join("audit.db")).unwrap();
                let mut s = c.prepare("SELECT seq FROM events ORDER BY seq").unwrap();
                s.query_map([], |r| r.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect()
            }
            Db::Pg(d) => {
                let mut c = postgres::Client::connect(d.url(), postgres::NoTls).unwrap();
                c.query("SELECT seq FROM events ORDER BY seq", &[])
                    .unwrap()
                    .iter()
                    .map(|r| r.get(0))
                    .collect()
            }
        }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Db::Sqlite(dir) = self {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn saps(args: &[&str]) -> Output {
    Command::new(SAPS)
        .args(args)
        .env("SAPS_LOG", "warn")
        .env("RUST_BACKTRACE", "0")
        .env("RUST_LIB_BACKTRACE", "0")
        .output()
        .expect("saps runs")
}

fn verify(db: &Db, head: Option<&str>) -> Output {
    let url = db.url();
    let mut args = vec!["audit", "verify", "--database", url.as_str()];
    if let Some(h) = head {
        args.extend(["--head", h]);
    }
    saps(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[track_caller]
fn assert_intact(db: &Db, o: &Output) {
    assert!(
        o.status.success(),
        "{}: {}\n{}",
        db.name(),
        stdout(o),
        stderr(o)
    );
    assert!(stdout(o).contains("intact"), "{}: {}", db.name(), stdout(o));
}

#[track_caller]
fn assert_breaks(db: &Db, o: &Output, needles: &[&str]) {
    assert!(
        !o.status.success(),
        "{}: verified a tampered journal: {}",
        db.name(),
        stdout(o)
    );
    let err = stderr(o);
    for n in needles {
        assert!(err.contains(n), "{}: {n:?} not in {err}", db.name());
    }
}

/// Runs async work on a runtime of its own (the synchronous PostgreSQL
/// client used behind saps' back cannot run inside one).
fn run<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// A program world with vouchers (days moved out of the pool), sealed.
fn populate(db: &Db) -> World {
    let store = db.store();
    run(async move {
        let app = App::new(
            store,
            Clock::simulated(jiff::civil::date(2020, 11, 2)),
            Settings::default(),
        )
        .await
        .unwrap();
        let w = World::build(&app, 30, "audit").await.unwrap();
        let codes = w.assigned_vouchers(&app, 3).await.unwrap();
        app.cancel_voucher(&Actor::of(&w.benefit_admin), codes[0])
            .await
            .unwrap();
        app.seal_journal().await.unwrap();
        w
    })
}

fn head(db: &Db) -> String {
    let url = db.url();
    let o = saps(&["audit", "head", "--database", &url]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).trim().to_owned()
}

#[test]
fn an_intact_journal_verifies_and_still_reaches_the_head_recorded_earlier() {
    for db in Db::all() {
        populate(&db);
        let h = head(&db);
        assert!(
            h.split_once(':').is_some_and(|(_, hash)| hash.len() == 64),
            "{h}"
        );
        assert_ne!(h, format!("0:{GENESIS}"));
        assert_intact(&db, &verify(&db, None));
        assert_intact(&db, &verify(&db, Some(&h)));
        // Events appended since the head was recorded do not matter.
        populate_more(&db);
        assert_intact(&db, &verify(&db, Some(&h)));
    }
}

fn populate_more(db: &Db) {
    let store = db.store();
    run(async move {
        let app = App::new(
            store,
            Clock::simulated(jiff::civil::date(2020, 11, 2)),
            Settings::default(),
        )
        .await
        .unwrap();
        World::build(&app, 10, "more").await.unwrap();
        app.seal_journal().await.unwrap();
    })
}

#[test]
fn an_edited_payload_is_named_as_an_edited_event() {
    for db in Db::all() {
        populate(&db);
        let seq = db.seqs()[4];
        db.sql(&match db {
            Db::Sqlite(_) => format!(
                "UPDATE events SET payload = json_set(payload, '$.tampered', json('true')) WHERE seq = {seq}"
            ),
            Db::Pg(_) => format!(
                "UPDATE events SET payload = payload || '{{\"tampered\": true}}'::jsonb WHERE seq = {seq}"
            ),
        });
        assert_breaks(
            &db,
            &verify(&db, None),
            &[&format!("event seq {seq} "), "edited"],
        );
    }
}

#[test]
fn a_deleted_event_is_named_at_the_event_after_it() {
    for db in Db::all() {
        populate(&db);
        let seqs = db.seqs();
        db.sql(&format!("DELETE FROM events WHERE seq = {}", seqs[3]));
        assert_breaks(
            &db,
            &verify(&db, None),
            &[&format!("event seq {} ", seqs[4]), "deleted"],
        );
    }
}

#[test]
fn an_inserted_event_is_named_even_when_its_own_hash_was_forged() {
    for db in Db::all() {
        populate(&db);
        let seqs = db.seqs();
        let (a, mut b) = (seqs[3], seqs[4]);
        if b - a < 2 {
            // Make room after `a` (SQLite numbers events without gaps).
            db.sql(&format!(
                "UPDATE events SET seq = -seq WHERE seq > {a}; UPDATE events SET seq = 1 - seq WHERE seq < 0"
            ));
            b += 1;
        }
        // The forger links the new event to `a` and hashes it correctly.
        let prev = db.text(&format!("SELECT hash FROM events WHERE seq = {a}"));
        let forged = Event {
            seq: a + 1,
            id: EventId::new(),
            at: "2020-11-02T12:00:00Z".parse().unwrap(),
            actor_id: None,
            kind: "days.removed".into(),
            payload: serde_json::json!({"note": "forged"}),
            voucher_id: None,
            customer_id: None,
            partner_id: None,
            program_version: 1,
        };
        let hash = event_hash(&forged, &prev);
        db.sql(&format!(
            "INSERT INTO events (seq, id, at, kind, payload, program_version, prev_hash, hash) \
             VALUES ({}, '{}', '{}', 'days.removed', '{{\"note\": \"forged\"}}', 1, '{prev}', '{hash}')",
            a + 1,
            forged.id,
            match db {
                Db::Sqlite(_) => "2020-11-02T12:00:00.000000000Z",
                Db::Pg(_) => "2020-11-02T12:00:00Z",
            },
        ));
        assert_breaks(
            &db,
            &verify(&db, None),
            &[&format!("event seq {b} "), "inserted"],
        );
    }
}

#[test]
fn two_events_swapped_in_order_are_named_at_the_first_of_them() {
    for db in Db::all() {
        populate(&db);
        let seqs = db.seqs();
        let (a, b) = (seqs[5], seqs[6]);
        db.sql(&format!(
            "UPDATE events SET seq = -1 WHERE seq = {a}; UPDATE events SET seq = {a} WHERE seq = {b}; \
             UPDATE events SET seq = {b} WHERE seq = -1"
        ));
        assert_breaks(
            &db,
            &verify(&db, None),
            &[&format!("event seq {a} "), "reordered"],
        );
    }
}

#[test]
fn a_truncated_journal_is_caught_given_the_head_recorded_earlier() {
    for db in Db::all() {
        populate(&db);
        let h = head(&db);
        let seqs = db.seqs();
        let kept = seqs[seqs.len() - 3];
        db.sql(&format!("DELETE FROM events WHERE seq > {kept}"));
        assert_breaks(
            &db,
            &verify(&db, Some(&h)),
            &["truncated", &format!("ends at seq {kept}")],
        );
    }
}

#[test]
fn a_pool_that_disagrees_with_the_journal_is_reported() {
    for db in Db::all() {
        let w = populate(&db);
        db.sql("UPDATE agreements SET available = available + 2");
        let o = verify(&db, None);
        assert_breaks(&db, &o, &["differ from the journal", &w.agreement]);
    }
}

#[test]
fn the_chain_survives_concurrent_writers() {
    for db in Db::all() {
        let store = db.store();
        let report = run(async move {
            let app = Arc::new(
                App::new(
                    store,
                    Clock::simulated(jiff::civil::date(2020, 11, 2)),
                    Settings::default(),
                )
                .await
                .unwrap(),
            );
            let w = World::build(&app, 200, "race").await.unwrap();
            let mut tasks = Vec::new();
            for _ in 0..8 {
                let (app, w) = (app.clone(), w.clone());
                tasks.push(tokio::spawn(async move {
                    w.assigned_vouchers(&app, 5).await.unwrap();
                }));
            }
            // A sealer runs while they write.
            let sealer = {
                let app = app.clone();
                tokio::spawn(async move {
                    for _ in 0..20 {
                        app.seal_journal().await.unwrap();
                        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                    }
                })
            };
            for t in tasks {
                t.await.unwrap();
            }
            sealer.await.unwrap();
            app.seal_journal().await.unwrap();
            app.verify_journal(None, Arc::new(|_, _| {})).await.unwrap()
        });
        assert!(report.ok(), "{}: {}", db.name(), report.summary());
        assert_eq!(report.walked.unsealed, 0, "{}", db.name());
        assert!(
            report.walked.sealed >= 80,
            "{}: {}",
            db.name(),
            report.summary()
        );
        assert_intact(&db, &verify(&db, None));
    }
}

#[test]
fn a_journal_written_before_the_chain_is_chained_on_upgrade() {
    for db in Db::all() {
        populate(&db);
        let n = db.seqs().len();
        // Back to the schema before 0014: no seals, no chain tables.
        db.sql(match db {
            Db::Sqlite(_) => {
                "DROP INDEX events_unsealed; DROP INDEX events_kind; \
                 ALTER TABLE events DROP COLUMN prev_hash; ALTER TABLE events DROP COLUMN hash; \
                 DROP TABLE audit_verifications; \
                 DELETE FROM schema_migrations WHERE version = '0014_journal_chain'"
            }
            Db::Pg(_) => {
                "ALTER TABLE events DROP COLUMN prev_hash, DROP COLUMN hash; \
                 DROP INDEX events_kind; DROP TABLE journal_seal; DROP TABLE audit_verifications; \
                 DELETE FROM schema_migrations WHERE version = '0014_journal_chain'"
            }
        });
        let o = verify(&db, None);
        assert_intact(&db, &o);
        assert!(
            stdout(&o).contains(&format!("{n} event(s) sealed")),
            "{}: {}",
            db.name(),
            stdout(&o)
        );
        assert_eq!(
            db.text("SELECT CAST(count(*) AS TEXT) FROM events WHERE hash IS NULL"),
            "0"
        );
    }
}

#[test]
fn a_database_it_cannot_open_or_a_head_it_cannot_read_is_refused() {
    let missing =
        std::env::temp_dir().join(format!("saps-audit-missing-{}.db", uuid::Uuid::now_v7()));
    let o = saps(&["audit", "verify", "--database", &missing.to_string_lossy()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
    assert!(!missing.exists(), "verify created the database");

    let o = saps(&[
        "audit",
        "verify",
        "--database",
        "postgres://nobody@127.0.0.1:1/none",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot open the database"),
        "{}",
        stderr(&o)
    );

    for (head, why) in [
        ("12", "SEQ:HASH"),
        ("x:00", "sequence number"),
        ("12:abc", "64 hexadecimal digits"),
    ] {
        let o = saps(&[
            "audit",
            "verify",
            "--database",
            &missing.to_string_lossy(),
            "--head",
            head,
        ]);
        assert!(!o.status.success());
        let err = stderr(&o);
        assert!(
            err.contains("--head cannot be read") && err.contains(why),
            "{head}: {err}"
        );
    }
}

#[test]
fn the_journal_browses_newest_first_by_kind_organisation_voucher_and_day_on_both_databases() {
    for db in Db::all() {
        let store = db.store();
        run(async move {
            let app = App::new(
                store,
                Clock::simulated(jiff::civil::date(2020, 11, 2)),
                Settings::default(),
            )
            .await
            .unwrap();
            let w = World::build(&app, 30, "browse").await.unwrap();
            let codes = w.assigned_vouchers(&app, 2).await.unwrap();
            let op = Actor::of(&w.operator);
            let page = |f: saps_core::chain::JournalFilter| app.browse_journal(&op, f);
            let all = page(saps_core::chain::JournalFilter {
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap();
            assert!(all.windows(2).all(|p| p[0].seq > p[1].seq), "newest first");
            let created = page(saps_core::chain::JournalFilter {
                kind: Some("voucher.created".into()),
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap();
            assert_eq!(created.len(), 2);
            let v = app
                .voucher(&Actor::of(&w.benefit_admin), codes[0])
                .await
                .unwrap()
                .id;
            let of_voucher = page(saps_core::chain::JournalFilter {
                voucher: Some(v),
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap();
            assert_eq!(
                of_voucher
                    .iter()
                    .map(|e| e.kind.as_str())
                    .collect::<Vec<_>>(),
                ["voucher.assigned", "voucher.created"]
            );
            let of_partner = page(saps_core::chain::JournalFilter {
                org: Some(w.partner.id),
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap();
            assert!(!of_partner.is_empty());
            assert!(
                of_partner
                    .iter()
                    .all(|e| e.partner_id == Some(w.partner.id)
                        || e.customer_id == Some(w.partner.id))
            );
            let one = page(saps_core::chain::JournalFilter {
                limit: 1,
                ..Default::default()
            })
            .await
            .unwrap();
            let rest = page(saps_core::chain::JournalFilter {
                before: Some(one[0].seq),
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap();
            assert_eq!(rest.len() + 1, all.len());
            let later = page(saps_core::chain::JournalFilter {
                from: Some("2030-01-01T00:00:00Z".parse().unwrap()),
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap();
            assert!(later.is_empty());
            let refused = app
                .browse_journal(&Actor::of(&w.benefit_admin), Default::default())
                .await;
            assert!(matches!(refused, Err(saps_core::Error::Forbidden(_))));
        });
    }
}

/// The demo (claims in every state: draft, submitted, approved, paid,
/// rejected, disputed), sealed.
fn populate_claims(db: &Db) {
    let store = db.store();
    run(async move {
        let app = App::new(
            store,
            Clock::simulated(saps_app::demo::demo_date()),
            Settings::default(),
        )
        .await
        .unwrap();
        saps_app::demo::seed(&app).await.unwrap();
        app.seal_journal().await.unwrap();
    })
}

/// The reference of the first stored claim in `state`.
fn claim_in(db: &Db, state: &str) -> String {
    db.text(&format!(
        "SELECT reference FROM claims WHERE state = '{state}' ORDER BY reference LIMIT 1"
    ))
}

#[test]
fn claims_in_every_state_match_the_journal_until_a_total_or_a_state_is_changed_behind_its_back() {
    for db in Db::all() {
        populate_claims(&db);
        let o = verify(&db, None);
        assert_intact(&db, &o);
        assert!(
            stdout(&o).contains("7 claim(s) match the journal"),
            "{}: {}",
            db.name(),
            stdout(&o)
        );

        // A claim's total, in its stored document.
        let approved = claim_in(&db, "approved");
        db.sql(&match db {
            Db::Sqlite(_) => format!(
                "UPDATE claims SET doc = json_set(doc, '$.total.amount', '1.00') WHERE reference = '{approved}'"
            ),
            Db::Pg(_) => format!(
                "UPDATE claims SET doc = jsonb_set(doc::jsonb, '{{total,amount}}', '\"1.00\"')::text \
                 WHERE reference = '{approved}'"
            ),
        });
        assert_breaks(
            &db,
            &verify(&db, None),
            &[
                "differ from the journal",
                &format!("claim {approved}: the journal gives it a total of"),
                "the table holds 1.00 EUR",
            ],
        );

        // A claim's state, in its column and its document: a submitted
        // claim passed off as paid, and its voucher with it.
        let submitted = claim_in(&db, "submitted");
        let code = db.text(&match db {
            Db::Sqlite(_) => format!(
                "SELECT json_extract(doc, '$.lines[0].code') FROM claims WHERE reference = '{submitted}'"
            ),
            Db::Pg(_) => format!(
                "SELECT doc::jsonb #>> '{{lines,0,code}}' FROM claims WHERE reference = '{submitted}'"
            ),
        });
        db.sql(&match db {
            Db::Sqlite(_) => format!(
                "UPDATE claims SET state = 'paid', doc = json_set(doc, '$.state', 'paid') \
                 WHERE reference = '{submitted}'; UPDATE vouchers SET state = 'paid' \
                 WHERE replace(code, '-', '') = replace('{code}', '-', '')"
            ),
            Db::Pg(_) => format!(
                "UPDATE claims SET state = 'paid', doc = jsonb_set(doc::jsonb, '{{state}}', '\"paid\"')::text \
                 WHERE reference = '{submitted}'; UPDATE vouchers SET state = 'paid' \
                 WHERE replace(code, '-', '') = replace('{code}', '-', '')"
            ),
        });
        let o = verify(&db, None);
        assert_breaks(
            &db,
            &o,
            &[
                &format!("claim {approved}: the journal gives it a total of"),
                &format!(
                    "claim {submitted}: the journal gives it the state submitted, the table holds paid"
                ),
                &format!("voucher {code}: it is stored as paid but no event paid it"),
            ],
        );
    }
}
