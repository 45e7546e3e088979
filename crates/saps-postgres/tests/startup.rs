//! Starting PostgreSQL nodes: migrations applied once under the advisory
//! lock however many nodes start together, the schema they leave, and a
//! pool that survives a lost connection.

mod common;

use common::{TestDb, org};
use saps_core::port::{Store, read_blocking, write_blocking};
use saps_core::{OrgKind, StoreError};
use saps_postgres::{PgOptions, PgStore};

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
fn instants_are_plain_timestamptz_to_the_microsecond() {
    let db = TestDb::new();
    let store = db.store();
    let mut o = org(OrgKind::Customer, "Precise");
    o.created_at = "2021-06-30T23:59:59.123456789Z".parse().unwrap();
    let o2 = o.clone();
    write_blocking(&store, move |tx| Ok(tx.insert_org(&o2)?)).unwrap();

    let mut client = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') \
             FROM orgs WHERE id = $1",
            &[&o.id.0],
        )
        .unwrap();
    // Rounded down, where the driver alone would round to nearest.
    assert_eq!(row.get::<_, String>(0), "2021-06-30 23:59:59.123456");
    let twins: Vec<String> = client
        .query(
            "SELECT table_name || '.' || column_name FROM information_schema.columns \
             WHERE table_schema = 'public' AND column_name LIKE '%\\_ns'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(twins.is_empty(), "nanosecond columns left: {twins:?}");
}

#[test]
fn describe_names_the_server_and_database_but_no_credentials() {
    let db = TestDb::new();
    let d = db.store().describe();
    assert!(d.starts_with("PostgreSQL 1"), "{d}");
    assert!(d.contains(&db.name), "{d}");
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
