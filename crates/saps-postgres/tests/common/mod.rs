//! What the PostgreSQL tests share: a database of their own on the test
//! server, and a few rows to write.
//!
//! The server is `SAPS_TEST_DATABASE_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`); when it is unreachable the tests
//! fail, they never skip.

#![allow(dead_code)] // each test file uses its own part

use jiff::Timestamp;
use saps_core::{NewEvent, Org, OrgId, OrgKind};
use saps_postgres::{PgOptions, PgStore};

/// A database created for one test and dropped after it.
pub struct TestDb {
    pub admin_url: String,
    pub name: String,
    pub url: String,
}

impl TestDb {
    pub fn new() -> Self {
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

    pub fn store(&self) -> PgStore {
        PgStore::connect(&self.url).expect("connect")
    }

    pub fn store_with_pool(&self, pool_size: usize) -> PgStore {
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

/// The current instant to the microsecond, the precision the store keeps.
pub fn now() -> Timestamp {
    Timestamp::from_microsecond(Timestamp::now().as_microsecond()).expect("a time in range")
}

pub fn org(kind: OrgKind, name: &str) -> Org {
    Org {
        id: OrgId::new(),
        kind,
        name: name.into(),
        country: "FR".into(),
        benefit_active: false,
        created_at: now(),
    }
}

pub fn event(kind: &str, customer: Option<OrgId>, partner: Option<OrgId>) -> NewEvent {
    let mut e = NewEvent::raw(kind, now(), None, 1, serde_json::json!({"kind": kind}));
    e.customer_id = customer;
    e.partner_id = partner;
    e
}
